using System.Text;
using Concord.Pim.ContentLines;
using Concord.Pim.Documents;
using Concord.Pim.Tests.TestData;

namespace Concord.Pim.Tests.Documents;

/// <summary>
/// server-losses/ holds, per well-known server, the diff of what it damaged in the SyncEvolution items. Every line
/// one of them lost or changed ('-' lines) must come out of Concord's parse and write unchanged.
/// </summary>
public class ServerLossesTests
{
    public static TheoryData<string> Patches
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var f in Directory.GetFiles(Path.Combine(Corpus.SyncEvolutionDir, "server-losses"), "*.patch").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(f));
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Patches))]
    public void No_line_a_well_known_server_lost_is_lost_by_Concord(string patch)
    {
        var source = patch[..patch.IndexOf(".tem.patch", StringComparison.Ordinal)];
        source = source[..source.LastIndexOf('.')];
        var written = new List<string>();
        foreach (var item in Corpus.Items(source))
        {
            var output = Encoding.UTF8.GetBytes(PimDocument.Write(PimDocument.Parse(item)));
            var reader = new ContentLineReader(output);
            try
            {
                while (reader.Read()) written.Add(Encoding.UTF8.GetString(reader.Line));
            }
            finally
            {
                reader.Dispose();
            }
        }
        var lost = File.ReadAllLines(Path.Combine(Corpus.SyncEvolutionDir, "server-losses", patch))
            .Where(l => l.StartsWith('-') && !l.StartsWith("---", StringComparison.Ordinal))
            .Select(l => l[1..].TrimEnd('\r'))
            .Where(l => l.Length > 0 && l[0] is not (' ' or '\t') && l.Contains(':', StringComparison.Ordinal))
            .ToList();
        Assert.All(lost, line => Assert.Contains(written, w => w.StartsWith(line.TrimEnd(), StringComparison.Ordinal)));
    }
}
