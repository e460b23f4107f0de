using System.Text;

namespace Concord.Interop.Tests.SyncEvolution;

/// <summary>File-backend folders: one item per file, the file name being SyncEvolution's local id (luid).</summary>
internal static class ItemDirectory
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Every regular, non-hidden file: name to UTF-8 content, ordered by name.</summary>
    public static IReadOnlyDictionary<string, string> Read(string directory)
    {
        var items = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(directory))
        {
            return items;
        }

        foreach (var file in Directory.EnumerateFiles(directory))
        {
            var name = Path.GetFileName(file);
            if (!name.StartsWith('.'))
            {
                items[name] = File.ReadAllText(file, Utf8NoBom);
            }
        }

        return items;
    }

    public static void Write(string directory, string fileName, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Directory.CreateDirectory(directory);
        File.WriteAllText(PathOf(directory, fileName), content, Utf8NoBom);
    }

    public static bool Delete(string directory, string fileName)
    {
        var path = PathOf(directory, fileName);
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        return true;
    }

    public static void DeleteAll(string directory)
    {
        foreach (var name in Read(directory).Keys)
        {
            File.Delete(Path.Combine(directory, name));
        }
    }

    private static string PathOf(string directory, string fileName)
    {
        if (string.IsNullOrEmpty(fileName) || fileName.StartsWith('.')
            || fileName.IndexOfAny([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar, '\0']) >= 0)
        {
            throw new ArgumentException($"'{fileName}' is not a plain, non-hidden file name.", nameof(fileName));
        }

        return Path.Combine(directory, fileName);
    }
}
