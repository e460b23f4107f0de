namespace Concord.Interop.Tests.Concord;

/// <summary>Real-world items from ../shared/testdata (SyncEvolution's own client test cases), one string per item.</summary>
internal static class TestItems
{
    public static string SharedFolder
    {
        get
        {
            var repo = SyncEvolution.SyncEvolutionTooling.FindRepositoryRoot();
            var shared = Path.GetFullPath(Path.Combine(repo, "..", "shared", "testdata", "syncevolution"));
            return Directory.Exists(shared) ? shared : throw new DirectoryNotFoundException($"{shared} is missing: the tests need ../shared beside the clone.");
        }
    }

    /// <summary>The items of a test file: separated by blank lines, each from BEGIN to its END.</summary>
    public static List<string> Read(string file)
    {
        var text = File.ReadAllText(Path.Combine(SharedFolder, file)).Replace("\r\n", "\n", StringComparison.Ordinal);
        return text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.Trim('\n'))
            .Where(t => t.StartsWith("BEGIN:", StringComparison.Ordinal))
            .Select(t => t.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n")
            .ToList();
    }
}
