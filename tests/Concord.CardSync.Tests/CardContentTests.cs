using System.Globalization;
using Concord.CardSync.Tests.Support;
using Concord.Pim.Capabilities;
using Concord.Pim.Models;
using Concord.Sync;
using Concord.SyncML;
using Concord.SyncML.Client;

namespace Concord.CardSync.Tests;

/// <summary>
/// What names and numbers become on the trip card - server - card, and the rule for what does not fit: the server
/// keeps its richer data when the card changes another field.
/// </summary>
public sealed class CardContentTests
{
    private static readonly string LongName = "Maximiliane Alexandra Konstantinopoulou-Wittelsbach van Dijk";

    private const string FiveNumbers =
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Numbers;Five;;;\r\nFN:Five Numbers\r\nTEL;TYPE=HOME:+44 20 7000 0001\r\n"
        + "TEL;TYPE=WORK,PREF:+44 20 7000 0002\r\nTEL;TYPE=CELL:+44 7700 900003\r\nTEL;TYPE=FAX:+44 20 7000 0004\r\n"
        + "TEL;TYPE=PAGER:+44 20 7000 0005\r\nEMAIL:five@example.org\r\nNOTE:keeps five numbers\r\nEND:VCARD\r\n";

    private static string LongNamed() =>
        $"BEGIN:VCARD\r\nVERSION:3.0\r\nN:van Dijk;Maximiliane;;;\r\nFN:{LongName}\r\nTEL;TYPE=CELL:+31 6 1234 5678\r\n"
        + "ADR;TYPE=HOME:;;Keizersgracht 1;Amsterdam;;1015 CJ;Netherlands\r\nEND:VCARD\r\n";

    private static string Digits(string s) => new(s.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());

    private static Contact ServerContact(ServerHost server, string fnStart) =>
        server.Contacts().Single(c => (c.FormattedName ?? "").StartsWith(fnStart, StringComparison.Ordinal));

    [Theory]
    [InlineData("Zoë Müller-Ødegård", "+33 6 12 34 56 78")]   // GSM 7-bit with accents
    [InlineData("Анна Каренина", "+7 495 123 45 67")]       // Cyrillic: UCS2 0x81
    [InlineData("Νίκος Καζαντζάκης", "+30 21 0123 4567")]   // Greek: GSM has capitals only, so UCS2
    [InlineData("张伟 王芳", "+86 10 1234 5678")]              // CJK: UCS2 0x80
    [InlineData("Łukasz Żółć", "+48 22 123 45 67")]         // Latin Extended-A: UCS2 0x81/0x82
    [InlineData("Long Number", "+49 30 1234 5678 9012 3456 7890 1234 56")]   // 28 digits: EF_EXT1
    public async Task Names_and_numbers_come_back_as_they_went(string name, string number)
    {
        await using var server = await ServerHost.StartAsync();
        using var phone = new Handset();
        using var pda = new Pda();
        var card = new SimCard();
        card.Edit(pb => pb.Put(1, name, number));
        await phone.SyncOkAsync(card, server.Url);
        var fitted = Concord.Card.Handset.AdnVCard.FitName(name, 18);
        var held = Assert.Single(server.Contacts());
        Assert.Equal(fitted, held.FormattedName);
        Assert.Equal(Digits(number), Digits(held.All("TEL").Single().Value));

        // The way back: from a PDA through the server onto another record of the card.
        await pda.SyncOkAsync(server.Url);
        pda.Write("copy.vcf", PlainPhone.VCard(name + " 2", number));
        await pda.SyncOkAsync(server.Url);
        var run = await phone.SyncOkAsync(card, server.Url);
        Assert.Equal(1, run.Report.Stores[0].Local.Added);
        card.Edit(pb =>
        {
            var entry = pb.Entry(2)!.Value;
            // The server cuts FN to the 18 bytes of the card's CTCap (UTF-8 bytes), the card keeps what fits of that.
            Assert.Equal(Concord.Card.Handset.AdnVCard.FitName(ItemFilter.Truncate(name + " 2", 18), 18), entry.Name);
            Assert.Equal(Digits(number), entry.Number);
        });
    }

    [Theory]
    [InlineData(SyncMLEncoding.Xml)]
    [InlineData(SyncMLEncoding.Wbxml)]
    public async Task What_the_card_cannot_hold_stays_on_the_server_when_the_card_changes_another_field(SyncMLEncoding encoding)
    {
        await using var server = await ServerHost.StartAsync();
        using var phone = new Handset { Encoding = encoding };
        using var pda = new Pda();
        var card = new SimCard();
        pda.Write("five.vcf", FiveNumbers);
        pda.Write("long.vcf", LongNamed());
        await pda.SyncOkAsync(server.Url);

        var first = await phone.SyncOkAsync(card, server.Url);
        Assert.Equal(2, first.Report.Stores[0].Local.Added);
        int five = 0, longOne = 0;
        card.Edit(pb =>
        {
            for (var n = 1; n <= 2; n++)
            {
                var e = pb.Entry(n)!.Value;
                if (e.Name == "Five Numbers") (five, longOne) = (n, 3 - n);
            }
            // The rule: the PREF number; the name cut to the 18-byte alpha identifier.
            Assert.Equal("+442070000002", pb.Entry(five)!.Value.Number);
            Assert.Equal(LongName[..18].TrimEnd(), pb.Entry(longOne)!.Value.Name);
            Assert.Equal("+31612345678", pb.Entry(longOne)!.Value.Number);
        });

        // The card changes what it holds: one contact's name, the other's number.
        card.Edit(pb =>
        {
            pb.Put(five, "Five Renamed", "+442070000002");
            pb.Put(longOne, LongName[..18].TrimEnd(), "+31 6 9999 0000");
        });
        var changed = await phone.SyncOkAsync(card, server.Url);
        Assert.Equal((SyncType.TwoWay, 2), (changed.Performed, changed.Report.Stores[0].Remote.Updated));

        var renamed = ServerContact(server, "Five Renamed");
        Assert.Equal(["+442070000001", "+442070000002", "+442070000004", "+442070000005", "+447700900003"],
            renamed.All("TEL").Select(t => Digits(t.Value)).Order(StringComparer.Ordinal));
        Assert.Equal("five@example.org", renamed.Text("EMAIL"));
        Assert.Equal("keeps five numbers", renamed.Text("NOTE"));
        Assert.Contains(renamed.All("TEL"), t => t.HasType("PAGER"));

        var longContact = ServerContact(server, "Maximiliane");
        Assert.Equal(LongName, longContact.FormattedName);
        Assert.Equal("+31699990000", Digits(Assert.Single(longContact.All("TEL")).Value));
        Assert.True(longContact.All("TEL").Single().HasType("CELL"));
        Assert.Equal("Amsterdam", Assert.Single(longContact.Addresses).City);
        Assert.Equal("van Dijk", longContact.FamilyName);

        // The PDA, which holds everything, gets the full contacts back.
        await pda.SyncOkAsync(server.Url);
        var files = Directory.GetFiles(pda.Folder, "*.vcf").Select(f => Contact.Parse(File.ReadAllText(f))).ToList();
        Assert.Equal(5, files.Single(c => c.FormattedName == "Five Renamed").All("TEL").Count());
        Assert.Equal(LongName, files.Single(c => c.FamilyName == "van Dijk").FormattedName);
    }

    [Theory]
    [InlineData(false)]   // the answer to the third message is lost
    [InlineData(true)]    // the server is stopped before the third message
    public async Task A_sync_cut_off_before_the_servers_last_answer_leaves_the_card_unconfirmed_and_sends_again(bool killServer)
    {
        await using var server = await ServerHost.StartAsync();
        using var phone = new Handset();
        var card = new SimCard();
        card.Edit(pb =>
        {
            for (var i = 1; i <= 5; i++) pb.Put(i, "Person " + i.ToString(CultureInfo.InvariantCulture), "+1555000" + i.ToString(CultureInfo.InvariantCulture));
        });
        await phone.SyncOkAsync(card, server.Url);
        card.Edit(pb =>
        {
            pb.Put(2, "Person Two", "+15550002");
            pb.Put(6, "Person 6", "+15550006");
        });

        using var http = new HttpSyncMLTransport(TimeSpan.FromSeconds(30));
        var cut = new CutTransport(http, lastAnswered: 2, killServer ? server.StopAsync : null);
        var broken = await phone.SyncAsync(card, server.Url, transport: cut);
        Assert.False(broken.Report.Succeeded);
        Assert.Equal(0, broken.StoreSyncs);
        Assert.Equal(3, cut.Sent);
        if (killServer) await server.StartAgainAsync();

        var again = await phone.SyncOkAsync(card, server.Url);
        Assert.Equal(2, again.RecordReads);   // the card still lists both changes
        Assert.Equal(1, again.StoreSyncs);
        var held = server.Contacts().Select(c => (c.FormattedName, Digits(c.All("TEL").Single().Value))).Order().ToList();
        Assert.Equal([("Person 1", "+15550001"), ("Person 3", "+15550003"), ("Person 4", "+15550004"), ("Person 5", "+15550005"),
            ("Person 6", "+15550006"), ("Person Two", "+15550002")], held);

        var idle = await phone.SyncOkAsync(card, server.Url);
        Assert.Equal((SyncType.TwoWay, 0), (idle.Performed, idle.RecordReads));
    }

    /// <summary>
    /// Carries messages until one more than <c>lastAnswered</c> is sent, then loses that one's answer, or first runs
    /// <c>cut</c> (stopping the server) and lets the message fail on its own.
    /// </summary>
    private sealed class CutTransport(ISyncMLTransport inner, int lastAnswered, Func<Task>? cut = null) : ISyncMLTransport
    {
        public int Sent { get; private set; }

        public async Task<TransportResponse> SendAsync(Uri url, byte[] body, string contentType, CancellationToken token)
        {
            Sent++;
            if (Sent > lastAnswered && cut is not null) await cut();
            var answer = await inner.SendAsync(url, body, contentType, token);
            if (Sent > lastAnswered) throw new SyncMLTransportException("connection reset before the answer arrived");
            return answer;
        }
    }
}
