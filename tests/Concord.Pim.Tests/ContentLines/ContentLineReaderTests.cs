using Concord.Pim.ContentLines;

namespace Concord.Pim.Tests.ContentLines;

public class ContentLineReaderTests
{
    [Fact]
    public void Folded_lines_are_unfolded()
    {
        var lines = ContentLineReader.Read("BEGIN:VCARD\r\nNOTE:one\r\n  two\r\n\tthree\r\nEND:VCARD\r\n");
        Assert.Equal("one two" + "three", lines[1].Value);
    }

    [Fact]
    public void Quoted_printable_soft_breaks_join_lines_and_decode_with_their_charset()
    {
        var lines = ContentLineReader.Read("NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Caf=C3=\r\n=A9 au =\r\nlait\r\n");
        var note = Assert.Single(lines);
        Assert.Equal("Café au lait", PropertyValue.DecodeText(note));
    }

    [Fact]
    public void Groups_parameters_and_quoted_colons_are_split_right()
    {
        var line = ContentLineReader.Parse("item1.ADR;TYPE=\"home:x\";PREF=1:;;Street 1;Town");
        Assert.Equal("item1", line.Group);
        Assert.Equal("ADR", line.Name);
        Assert.Equal(["TYPE=\"home:x\"", "PREF=1"], line.ParameterList);
        Assert.Equal(";;Street 1;Town", line.Value);
    }

    [Fact]
    public void Backslash_escapes_are_undone()
    {
        Assert.Equal("a,b;c\nd\\", PropertyValue.Unescape("a\\,b\\;c\\nd\\\\"));
    }
}
