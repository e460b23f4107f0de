using System.Diagnostics;
using System.Xml;
using System.Xml.Linq;
using Concord.SyncML.Documents;

namespace Concord.SyncML.Tests.Wbxml;

/// <summary>
/// Runs libwbxml's command-line tools (Debian package libwbxml2-utils) and reads XML into element trees, for
/// cross-checking the WBXML codec against the reference implementation.
/// </summary>
internal static class Libwbxml
{
    public static string TestData(string file) => Path.Combine(AppContext.BaseDirectory, "TestData", "Wbxml", file);

    /// <summary>The tool's path on PATH; fails the test, never skips it, when libwbxml is not installed.</summary>
    public static string Locate(string tool)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, tool);
            if (File.Exists(candidate)) return candidate;
        }
        Assert.Fail($"{tool} is not on PATH ({path}). It comes with libwbxml: on Debian or Ubuntu install it with " +
            "'apt-get install -y --no-install-recommends libwbxml2-utils' (the test script does). The WBXML " +
            "cross-check against libwbxml must run, so this test fails rather than skips.");
        return "";
    }

    /// <summary>Runs a tool and fails the test with its output when it does not succeed.</summary>
    public static void Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(Locate(tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{tool} {string.Join(' ', arguments)} did not finish within 60 s.");
        }
        var output = stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult();
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', arguments)} exited {process.ExitCode}: {output}");
        Assert.DoesNotContain("error", output, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>XML to WBXML with libwbxml; <paramref name="flags"/> such as -n (no string table) or -k.</summary>
    public static byte[] XmlToWbxml(string xmlPath, params string[] flags)
    {
        var directory = Directory.CreateTempSubdirectory("concord-wbxml-");
        try
        {
            var output = Path.Combine(directory.FullName, "out.wbxml");
            Run("xml2wbxml", [.. flags, "-o", output, xmlPath]);
            return File.ReadAllBytes(output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>WBXML to XML with libwbxml, in compact form (-m 0) so no indentation enters text.</summary>
    public static string WbxmlToXml(byte[] wbxml)
    {
        var directory = Directory.CreateTempSubdirectory("concord-wbxml-");
        try
        {
            var input = Path.Combine(directory.FullName, "in.wbxml");
            var output = Path.Combine(directory.FullName, "out.xml");
            File.WriteAllBytes(input, wbxml);
            Run("wbxml2xml", "-m", "0", "-o", output, input);
            return File.ReadAllText(output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>An XML document as an element tree: namespace set where it changes, text only on leaves.</summary>
    public static SyncMLElement ReadTree(string xml)
    {
        // The DOCTYPE names a DTD on the web; it is neither fetched nor needed.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        return FromXml(XDocument.Load(reader).Root!, null);
    }

    public static SyncMLElement ReadTreeFile(string path) => ReadTree(File.ReadAllText(path));

    private static SyncMLElement FromXml(XElement x, string? parentNs)
    {
        var ns = x.Name.NamespaceName;
        var changed = parentNs is null || !string.Equals(ns, parentNs, StringComparison.OrdinalIgnoreCase);
        var element = new SyncMLElement(x.Name.LocalName, changed && ns.Length > 0 ? ns : null);
        if (x.HasElements)
        {
            foreach (var child in x.Elements()) element.Children.Add(FromXml(child, ns));
        }
        else if (!x.IsEmpty)
        {
            element.Text = x.Value;
        }
        return element;
    }
}
