using System.Text;
using Concord.Pim.ContentLines;
using Concord.Pim.Documents;

namespace Concord.Pim.Tests.Documents;

public class BadItemTests
{
    private static PimFormatException Refused(string item, string? type = "text/vcard") =>
        Assert.Throws<PimFormatException>(() => PimItems.Read(Encoding.UTF8.GetBytes(item), type));

    [Fact]
    public void A_continuation_line_without_its_leading_space_is_refused_as_broken_folding_with_415_and_its_offset()
    {
        const string item = "BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:first line\r\ncontinued without a space\r\nEND:VCARD\r\n";
        var e = Refused(item);
        Assert.Equal(PimError.BrokenFolding, e.Reason);
        Assert.Equal(415, e.SyncMLStatus);
        Assert.Equal(item.IndexOf("continued", StringComparison.Ordinal), e.Offset);
        Assert.Equal(Errors.NotAContentLine(e.Offset, "continued without a space"), e.Message);
    }

    [Fact]
    public void A_folded_line_with_nothing_to_continue_is_refused()
    {
        var e = Refused(" NOTE:x\r\nBEGIN:VCARD\r\nEND:VCARD\r\n");
        Assert.Equal(PimError.BrokenFolding, e.Reason);
        Assert.Equal(0, e.Offset);
    }

    [Theory]
    [InlineData("NOTE;ENCODING=QUOTED-PRINTABLE:abc=G1def", PimError.BadQuotedPrintable, 415)]
    [InlineData("NOTE;QUOTED-PRINTABLE:trailing =4", PimError.BadQuotedPrintable, 415)]
    [InlineData("PHOTO;ENCODING=b;TYPE=JPEG:@@not base64@@", PimError.BadBase64, 415)]
    [InlineData("N;CHARSET=X-KLINGON;ENCODING=QUOTED-PRINTABLE:Q=40pla", PimError.UnsupportedCharset, 415)]
    [InlineData("BDAY:2006-02-30", PimError.ImpossibleDate, 415)]
    [InlineData("REV:20061332T120000Z", PimError.ImpossibleDate, 415)]
    [InlineData("X-BAD NAME:value", PimError.BadName, 415)]
    public void A_bad_value_is_refused_with_its_reason_and_status(string line, PimError reason, int status)
    {
        var e = Refused("BEGIN:VCARD\r\nVERSION:2.1\r\n" + line + "\r\nEND:VCARD\r\n");
        Assert.Equal(reason, e.Reason);
        Assert.Equal(status, e.SyncMLStatus);
    }

    [Theory]
    [InlineData("DTSTART:20060230T100000Z")]
    [InlineData("DTEND:20060406T250000")]
    [InlineData("EXDATE:20060407T183000Z,20060431T183000Z")]
    public void An_event_at_a_time_that_does_not_exist_is_refused(string line)
    {
        var e = Refused("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\n" + line + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", "text/calendar");
        Assert.Equal(PimError.ImpossibleDate, e.Reason);
        Assert.Contains(line[..line.IndexOf(':', StringComparison.Ordinal)], e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_item_of_10_MB_is_refused_as_too_large_before_it_is_read()
    {
        var big = new byte[10 * 1024 * 1024];
        Encoding.ASCII.GetBytes("BEGIN:VCARD\r\nNOTE:").CopyTo(big, 0);
        big.AsSpan(20).Fill((byte)'x');
        var e = Assert.Throws<PimFormatException>(() => PimItems.Read(big, "text/vcard"));
        Assert.Equal(PimError.ItemTooLarge, e.Reason);
        Assert.Equal(415, e.SyncMLStatus);
        Assert.Equal(Errors.ItemTooLarge(big.Length, ContentLineReaderOptions.Default.MaxItemBytes), e.Message);
    }

    [Theory]
    [InlineData("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:x\r\n", PimError.UnbalancedComponents)]
    [InlineData("BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCALENDAR\r\n", PimError.UnbalancedComponents)]
    [InlineData("FN:x\r\nBEGIN:VCARD\r\nEND:VCARD\r\n", PimError.UnbalancedComponents)]
    [InlineData("BEGIN:VCARD\r\nEND:VCARD\r\nBEGIN:VCARD\r\nEND:VCARD\r\n", PimError.UnbalancedComponents)]
    public void Components_that_do_not_pair_up_are_refused(string item, PimError reason)
    {
        Assert.Equal(reason, Refused(item).Reason);
    }

    [Fact]
    public void Components_nested_deeper_than_the_bound_are_refused()
    {
        var item = string.Concat(Enumerable.Range(0, 9).Select(i => $"BEGIN:X{i}\r\n")) + string.Concat(Enumerable.Range(0, 9).Reverse().Select(i => $"END:X{i}\r\n"));
        Assert.Equal(PimError.TooDeep, Refused(item).Reason);
    }

    [Theory]
    [InlineData("BEGIN:VCARD\r\nVERSION:5.0\r\nEND:VCARD\r\n")]
    [InlineData("BEGIN:VNOTHING\r\nEND:VNOTHING\r\n")]
    public void A_format_this_server_does_not_take_is_refused_with_415(string item)
    {
        var e = Refused(item);
        Assert.Equal(PimError.UnsupportedFormat, e.Reason);
        Assert.Equal(415, e.SyncMLStatus);
    }

    [Fact]
    public void The_reader_does_not_move_when_a_line_is_refused()
    {
        var input = Encoding.ASCII.GetBytes("BEGIN:VCARD\r\nbroken\r\n");
        var reader = new ContentLineReader(input);
        try
        {
            Assert.True(reader.Read());
            var consumed = reader.BytesConsumed;
            var thrown = false;
            try
            {
                reader.Read();
            }
            catch (PimFormatException)
            {
                thrown = true;
            }
            Assert.True(thrown);
            Assert.Equal(consumed, reader.BytesConsumed);
        }
        finally
        {
            reader.Dispose();
        }
    }
}
