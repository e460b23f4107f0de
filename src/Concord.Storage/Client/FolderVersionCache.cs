using System.Globalization;
using System.Text;

namespace Concord.Storage.Client;

/// <summary>
/// The content hashes of a folder's files as of their size and modification time, kept in
/// <c>.concord/versions.tsv</c> between runs: a file whose size and time have not moved is not read again to find
/// its hash. A stale or unreadable cache only costs reading the files.
/// </summary>
internal sealed class FolderVersionCache(string path)
{
    private Dictionary<string, (long Length, long Ticks, string Version)>? _entries;
    private bool _dirty;

    public bool TryGet(string name, long length, long ticks, out string version)
    {
        Load();
        if (_entries!.TryGetValue(name, out var e) && e.Length == length && e.Ticks == ticks)
        {
            version = e.Version;
            return true;
        }
        version = "";
        return false;
    }

    public void Set(string name, long length, long ticks, string version)
    {
        Load();
        if (_entries!.TryGetValue(name, out var e) && e == (length, ticks, version)) return;
        _entries[name] = (length, ticks, version);
        _dirty = true;
    }

    /// <summary>Keeps only the names listed last, and writes the file when anything changed.</summary>
    public void Save(IReadOnlySet<string> present)
    {
        Load();
        foreach (var gone in _entries!.Keys.Where(k => !present.Contains(k)).ToList())
        {
            _entries.Remove(gone);
            _dirty = true;
        }
        if (!_dirty) return;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var sb = new StringBuilder();
            foreach (var (name, e) in _entries) sb.Append(CultureInfo.InvariantCulture, $"{e.Length}\t{e.Ticks}\t{e.Version}\t{name}\n");
            var temp = path + ".tmp";
            File.WriteAllText(temp, sb.ToString());
            File.Move(temp, path, overwrite: true);
            _dirty = false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a cache that cannot be written is a cache that is not there next time
        }
    }

    private void Load()
    {
        if (_entries is not null) return;
        _entries = new Dictionary<string, (long, long, string)>(StringComparer.Ordinal);
        try
        {
            foreach (var line in File.ReadLines(path))
            {
                var parts = line.Split('\t', 4);
                if (parts.Length == 4 && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var length)
                    && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var ticks))
                {
                    _entries[parts[3]] = (length, ticks, parts[2]);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _entries.Clear();
        }
    }
}
