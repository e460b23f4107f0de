using System.Buffers;
using System.Text;
using Concord.Pim.ContentLines;
using Concord.Pim.Documents;
using Concord.Pim.Tests.TestData;

namespace Concord.Pim.Tests.Documents;

public class PimDocumentRoundTripTests
{
    public static TheoryData<string, int> AllItems => Corpus.AllItems;

    [Theory]
    [MemberData(nameof(AllItems))]
    public void Every_item_survives_parse_then_write_with_every_property_and_parameter_equal(string file, int index)
    {
        var original = Corpus.Items(file)[index];
        var parsed = PimDocument.Parse(original);
        var buffer = new ArrayBufferWriter<byte>();
        PimDocument.Write(parsed, buffer);
        var again = PimDocument.Parse(buffer.WrittenSpan);
        PimAssert.Equal(parsed, again);
        Assert.Equal(PimDocument.Write(parsed), PimDocument.Write(again));
    }

    [Theory]
    [MemberData(nameof(AllItems))]
    public void Every_unfolded_line_of_an_item_comes_back_unchanged(string file, int index)
    {
        var original = Corpus.Items(file)[index];
        var written = Encoding.UTF8.GetBytes(PimDocument.Write(PimDocument.Parse(original)));
        Assert.Equal(Lines(original), Lines(written));
    }

    [Theory]
    [MemberData(nameof(AllItems))]
    public void Every_item_read_as_a_string_equals_the_item_read_as_bytes(string file, int index)
    {
        var original = Corpus.Items(file)[index];
        PimAssert.Equal(PimDocument.Parse(original), PimDocument.Parse(Encoding.UTF8.GetString(original)));
    }

    // Unfolded lines with base64 white space removed: what a reader sees, independent of folding.
    private static List<string> Lines(byte[] item)
    {
        var lines = new List<string>();
        var reader = new ContentLineReader(item);
        try
        {
            while (reader.Read())
            {
                var line = Encoding.UTF8.GetString(reader.Line);
                if (reader.Encoding is ContentEncoding.Base64 or ContentEncoding.B) line = string.Concat(line.Where(c => !char.IsWhiteSpace(c)));
                lines.Add(line);
            }
        }
        finally
        {
            reader.Dispose();
        }
        return lines;
    }
}
