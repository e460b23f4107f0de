using Concord.Client.Tests.Support;
using Concord.Sync;
using Concord.SyncML;
using Concord.SyncML.Client;

namespace Concord.Client.Tests.Client;

public sealed partial class ClientSessionTests
{
    /// <summary>Two folders in sync, then changes on both: what each fault test starts from.</summary>
    private static async Task<(LocalFolder A, LocalFolder B)> ChangedOnBothAsync(ClientRig rig)
    {
        var a = rig.Folder();
        var b = rig.Folder();
        for (var i = 0; i < 6; i++) a.Write($"c{i}.vcf", Cards.VCard($"C{i}", $"+1 555 01{i:00}"));
        await rig.SyncOkAsync(a, SyncType.Slow);
        await rig.SyncOkAsync(b, SyncType.Slow);
        a.Write("new-a.vcf", Cards.VCard("NewA"));
        a.Write("c0.vcf", Cards.VCard("C0", "+1 555 0999"));
        a.Delete("c1.vcf");
        b.Write("new-b.vcf", Cards.VCard("NewB"));
        await rig.SyncOkAsync(b, SyncType.TwoWay);
        return (a, b);
    }

    public static TheoryData<TransportFault, int> FaultAtEachMessage()
    {
        var data = new TheoryData<TransportFault, int>();
        foreach (var fault in new[] { TransportFault.DropRequest, TransportFault.DropAnswer, TransportFault.TruncateAnswer, TransportFault.GarbleAnswer, TransportFault.WrongEncoding, TransportFault.ServerError })
        {
            for (var at = 1; at <= 3; at++) data.Add(fault, at);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FaultAtEachMessage))]
    public async Task A_session_that_fails_at_any_message_ends_equal_after_one_more_sync(TransportFault fault, int at)
    {
        using var rig = new ClientRig();
        var (a, b) = await ChangedOnBothAsync(rig);
        var first = rig.Transport.Requests + at;
        rig.Transport.Fault = n => n == first ? fault : null;

        var broken = await rig.SyncAsync(a, SyncType.TwoWay);
        rig.Transport.Fault = _ => null;

        Assert.False(broken.Succeeded);
        Assert.Contains($"message {at}", broken.Error, StringComparison.OrdinalIgnoreCase);
        await rig.SyncOkAsync(a, SyncType.TwoWay);
        await rig.SyncOkAsync(b, SyncType.TwoWay);
        rig.AssertEqual("contacts", a, b);
        Assert.Equal(7, a.Items().Count);   // 6, one deleted, one new on each side
        Assert.Contains(a.Items().Values, v => v.Contains("+1 555 0999", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(TransportFault.DropRequest)]
    [InlineData(TransportFault.DropAnswer)]
    [InlineData(TransportFault.ServerError)]
    public async Task A_lost_answer_is_fetched_again_by_resending_the_same_message(TransportFault fault)
    {
        using var rig = new ClientRig();
        var (a, b) = await ChangedOnBothAsync(rig);
        var first = rig.Transport.Requests;
        rig.Transport.Fault = n => n > first && n % 2 == 0 && n < first + 8 ? fault : null;

        var report = await rig.SyncAsync(a, SyncType.TwoWay, rig.Options() with { Retries = 2 });

        Assert.True(report.Succeeded, ClientRig.Describe(report));
        rig.Transport.Fault = _ => null;
        await rig.SyncOkAsync(b, SyncType.TwoWay);
        rig.AssertEqual("contacts", a, b);
    }

    [Fact]
    public async Task A_malformed_answer_is_named_and_nothing_it_carried_is_applied()
    {
        using var rig = new ClientRig();
        var (a, _) = await ChangedOnBothAsync(rig);
        var before = a.Items();
        // Message 2 is the client's changes; its answer carries the server's changes (new-b).
        var second = rig.Transport.Requests + 2;
        rig.Transport.Fault = n => n == second ? TransportFault.GarbleAnswer : null;

        var report = await rig.SyncAsync(a, SyncType.TwoWay);

        Assert.StartsWith("The answer to message 2 cannot be read: ", report.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(a.Items().Values, v => v.Contains("NewB", StringComparison.Ordinal));
        Assert.Equal(before, a.Items());
    }

    [Fact]
    public async Task An_answer_in_the_wrong_encoding_is_refused_with_both_encodings_named()
    {
        using var rig = new ClientRig { Encoding = SyncMLEncoding.Wbxml };
        var a = rig.Folder();
        a.Write("one.vcf", Cards.VCard("One"));
        rig.Transport.Fault = n => n == 1 ? TransportFault.WrongEncoding : null;

        var report = await rig.SyncAsync(a, SyncType.Slow);

        Assert.Contains("The answer to message 1 is not Wbxml", report.Error, StringComparison.Ordinal);
        Assert.Contains(SyncMLCodec.XmlContentType, report.Error, StringComparison.Ordinal);
    }
}
