using System.IO.Enumeration;
using System.Security.Cryptography;
using System.Text;
using Concord.Sync;
using Concord.Sync.Stores;

namespace Concord.Storage.Client;

/// <summary>
/// A folder of files as people keep them, one item per file: <c>.vcf</c> for contacts, <c>.ics</c> for events and
/// tasks, <c>.txt</c> for notes. An item's id is its file name and its version a hash of its bytes, so edits made
/// between two syncs, by anything, are found by comparing hashes. Hidden files and subfolders are not items
/// (the client's state lives in <c>.concord/</c>).
/// </summary>
public sealed class FolderDataStore : IDataStore
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private const long MaxKeptBytes = 64L * 1024 * 1024;
    private static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(3);

    // What DirectoryInfo.EnumerateFiles uses: hidden and system files are listed, unreadable folders throw.
    private static readonly EnumerationOptions ListOptions = new() { AttributesToSkip = 0, IgnoreInaccessible = false };

    private readonly FolderVersionCache _versions;

    // Contents read by the last List, by name, with the size and time they had: handed to Read once, then dropped.
    private readonly Dictionary<string, (long Length, long Ticks, byte[] Bytes)> _read = new(StringComparer.Ordinal);
    private long _readBytes;

    /// <summary>Opens a folder (created when missing) as a store of the given kind.</summary>
    public FolderDataStore(string path, StoreKind kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
        Kind = kind;
        Directory.CreateDirectory(Path);
        _versions = new FolderVersionCache(System.IO.Path.Combine(Path, ".concord", "versions.tsv"));
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public StoreKind Kind { get; }

    /// <inheritdoc />
    public string Name => Path;

    /// <summary>The extension new items get, and the ones read as items.</summary>
    public string Extension => ExtensionsOf(Kind)[0];

    /// <inheritdoc />
    public IReadOnlyList<ContentTypeInfo> ContentTypes => ContentTypesOf(Kind);

    /// <summary>The content types a local store of a kind holds, preferred first.</summary>
    public static IReadOnlyList<ContentTypeInfo> ContentTypesOf(StoreKind kind) => kind switch
    {
        StoreKind.Contacts => [new("text/vcard", "3.0"), new("text/x-vcard", "2.1")],
        StoreKind.Calendar or StoreKind.Tasks => [new("text/calendar", "2.0"), new("text/x-vcalendar", "1.0")],
        _ => [new("text/plain", "1.0")],
    };

    /// <summary>The file extensions read as items of a kind, the one new items get first.</summary>
    public static IReadOnlyList<string> ExtensionsOf(StoreKind kind) => kind switch
    {
        StoreKind.Contacts => [".vcf", ".vcard"],
        StoreKind.Calendar or StoreKind.Tasks => [".ics", ".vcs"],
        _ => [".txt", ".note"],
    };

    /// <summary>Guesses what a folder holds from the extensions of its files; null when it holds none.</summary>
    public static StoreKind? Guess(string path)
    {
        if (!Directory.Exists(path)) return null;
        foreach (var file in Directory.EnumerateFiles(path))
        {
            var ext = System.IO.Path.GetExtension(file).ToLowerInvariant();
            foreach (var kind in new[] { StoreKind.Contacts, StoreKind.Calendar, StoreKind.Notes })
            {
                if (ExtensionsOf(kind).Contains(ext)) return kind;
            }
        }
        return null;
    }

    /// <inheritdoc />
    /// <remarks>
    /// A file whose size and modification time match the last listing keeps its hash without being read; the
    /// contents read while listing are kept for the <see cref="Read"/> that usually follows (up to 64 MB).
    /// </remarks>
    public IEnumerable<ItemVersion> List()
    {
        var extensions = ExtensionsOf(Kind);
        var present = new HashSet<string>(StringComparer.Ordinal);
        _read.Clear();
        _readBytes = 0;
        foreach (var (name, length, ticks) in Files(Path, extensions))
        {
            present.Add(name);
            if (_versions.TryGet(name, length, ticks, out var known))
            {
                yield return new ItemVersion(name, known);
                continue;
            }
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(System.IO.Path.Combine(Path, name));
            }
            catch (FileNotFoundException)
            {
                continue;   // deleted while listing
            }
            var version = VersionOf(bytes);
            // As git does with its index: a file changed within the clock's granularity of now could change again
            // without its time moving, so its hash is only kept once it is older than that.
            if (DateTime.UtcNow.Ticks - ticks > RacyWindow.Ticks) _versions.Set(name, bytes.Length, ticks, version);
            if (_readBytes + bytes.Length <= MaxKeptBytes)
            {
                _read[name] = (bytes.Length, ticks, bytes);
                _readBytes += bytes.Length;
            }
            yield return new ItemVersion(name, version);
        }
        _versions.Save(present);
    }

    /// <inheritdoc />
    public StoreItem? Read(string id)
    {
        if (!IsItemName(id, ExtensionsOf(Kind))) return null;
        try
        {
            var file = System.IO.Path.Combine(Path, id);
            byte[] bytes;
            if (_read.Remove(id, out var kept) && new FileInfo(file) is { Exists: true } info && info.Length == kept.Length
                && info.LastWriteTimeUtc.Ticks == kept.Ticks)
            {
                bytes = kept.Bytes;
            }
            else
            {
                bytes = File.ReadAllBytes(file);
            }
            var content = Utf8.GetString(bytes);
            if (content.Length > 0 && content[0] == '\uFEFF') content = content[1..];
            return new StoreItem(id, content, TypeOf(content));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The MIME type of an item's content, from its VERSION line.</summary>
    public string TypeOf(string content) => TypeOf(Kind, content);

    /// <summary>The MIME type of an item of a kind, from its VERSION line.</summary>
    public static string TypeOf(StoreKind kind, string content) => kind switch
    {
        StoreKind.Contacts => content.Contains("VERSION:2.1", StringComparison.OrdinalIgnoreCase) ? "text/x-vcard" : "text/vcard",
        StoreKind.Calendar or StoreKind.Tasks => content.Contains("VERSION:1.0", StringComparison.OrdinalIgnoreCase) ? "text/x-vcalendar" : "text/calendar",
        _ => "text/plain",
    };

    /// <inheritdoc />
    /// <remarks>Named after the item, as a person would name it (<c>Ada Lovelace.vcf</c>), numbered when taken.</remarks>
    public string NewId(string content, string contentType, IReadOnlySet<string> reserved)
    {
        ArgumentNullException.ThrowIfNull(reserved);
        var stem = Sanitize(Concord.SyncML.Client.ItemSummary.Of(content));
        if (stem.Length == 0) stem = "item";
        for (var n = 1; ; n++)
        {
            var name = (n == 1 ? stem : $"{stem} {n}") + Extension;
            if (!reserved.Contains(name) && !File.Exists(System.IO.Path.Combine(Path, name))) return name;
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The id is not a plain file name of this store.</exception>
    public ItemVersion Write(string id, string content, string contentType)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!IsItemName(id, ExtensionsOf(Kind))) throw new ArgumentException($"'{id}' is not a file name this store holds.", nameof(id));
        var bytes = Utf8.GetBytes(content);
        var target = System.IO.Path.Combine(Path, id);
        // Written whole to a hidden file and renamed over the item: a reader never sees half an item, and a process
        // killed on the way leaves the old item (the client's redo log writes it again). Like the client's SQLite
        // state (WAL, synchronous=NORMAL) it is not flushed to disk item by item.
        var temp = System.IO.Path.Combine(Path, "." + id + ".concord-tmp");
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, target, overwrite: true);
        return new ItemVersion(id, VersionOf(bytes));
    }

    /// <inheritdoc />
    public void Delete(string id)
    {
        if (!IsItemName(id, ExtensionsOf(Kind))) return;
        File.Delete(System.IO.Path.Combine(Path, id));
    }

    // The item files of a folder with their size and time, from the directory entries (no FileInfo per file).
    private static FileSystemEnumerable<(string Name, long Length, long Ticks)> Files(string folder, IReadOnlyList<string> extensions) =>
        new(folder, (ref FileSystemEntry e) => (e.FileName.ToString(), e.Length, e.LastWriteTimeUtc.UtcTicks), ListOptions)
        {
            ShouldIncludePredicate = (ref FileSystemEntry e) => !e.IsDirectory && IsItemName(e.FileName, extensions),
        };

    private static bool IsItemName(ReadOnlySpan<char> name, IReadOnlyList<string> extensions)
    {
        if (name.Length == 0 || name[0] == '.' || name.IndexOfAny('/', '\\', '\0') >= 0) return false;
        foreach (var e in extensions)
        {
            if (name.EndsWith(e, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static bool IsItemName(string name, IReadOnlyList<string> extensions) => IsItemName(name.AsSpan(), extensions);

    private static string VersionOf(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16));

    private static string Sanitize(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s)
        {
            if (char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.' or ',' or '\'') sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
        }
        var result = sb.ToString().Trim().TrimStart('.');
        return result.Length > 48 ? result[..48].TrimEnd() : result;
    }
}
