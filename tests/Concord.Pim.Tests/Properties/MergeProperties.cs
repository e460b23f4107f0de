using Concord.Pim.Capabilities;
using Concord.Pim.Documents;
using Concord.Pim.Merging;
using CsCheck;

namespace Concord.Pim.Tests.Properties;

public class MergeProperties
{
    // Eight fields a card may have, each its own merge key.
    private static readonly string[] Fields = ["FN", "NOTE", "TITLE", "TEL;TYPE=HOME", "TEL;TYPE=WORK", "EMAIL", "X-A", "X-B"];

    private static readonly Gen<string?[]> Values = Gen.String[Gen.Char["abcdefgh 123"], 1, 12].Null().Array[Fields.Length];

    private static string Card(IReadOnlyList<string?> values) =>
        "BEGIN:VCARD\r\nVERSION:3.0\r\n" + string.Concat(Fields.Select((f, i) => values[i] is { } v ? f + ":" + v + "\r\n" : "")) + "END:VCARD\r\n";

    private static string? ValueOf(PimComponent card, string field)
    {
        var p = card.Properties.Find(x => (x.Param("TYPE") is { } t ? x.Name + ";TYPE=" + t : x.Name) == field);
        return p?.Value;
    }

    // A change of field i on one side: delete it, or give it a value neither base nor the other side has.
    private static readonly Gen<(string?[] Base, int[] ServerFields, int[] ClientFields, bool Delete)> Edits =
        Gen.Select(Values, Gen.Shuffle(Enumerable.Range(0, Fields.Length).ToArray()), Gen.Int[0, 4], Gen.Int[0, 4], Gen.Bool,
            (b, order, ns, nc, delete) => (b, order[..ns], order[ns..(ns + nc)], delete));

    [Fact]
    public void Changes_to_different_fields_on_both_sides_are_all_kept_and_never_clash()
    {
        Edits.Sample(e =>
        {
            var server = (string?[])e.Base.Clone();
            var client = (string?[])e.Base.Clone();
            foreach (var i in e.ServerFields) server[i] = e.Delete ? null : "server " + i;
            foreach (var i in e.ClientFields) client[i] = e.Delete && i % 2 == 0 ? null : "client " + i;
            var merged = ItemMerger.Merge(Card(e.Base), Card(server), Card(client));
            Assert.False(merged.HasClash);
            var result = PimDocument.Parse(merged.Content);
            for (var i = 0; i < Fields.Length; i++)
            {
                var expected = e.ClientFields.Contains(i) ? client[i] : server[i];
                Assert.Equal(expected, ValueOf(result, Fields[i]));
            }
        }, iter: 300, threads: 1);
    }

    [Fact]
    public void A_field_both_sides_changed_differently_keeps_the_server_value_and_is_reported()
    {
        Gen.Select(Values, Gen.Int[0, Fields.Length - 1]).Sample((b, i) =>
        {
            var server = (string?[])b.Clone();
            var client = (string?[])b.Clone();
            server[i] = "server side";
            client[i] = "client side";
            var merged = ItemMerger.Merge(Card(b), Card(server), Card(client));
            Assert.Single(merged.Clashes);
            Assert.Equal("server side", ValueOf(PimDocument.Parse(merged.Content), Fields[i]));
        }, iter: 200, threads: 1);
    }

    [Fact]
    public void A_device_never_loses_what_it_cannot_store_and_never_overwrites_with_what_it_cut()
    {
        // The device stores the first k fields, values up to 8 bytes; it edits some of what it stores.
        Gen.Select(Values, Gen.Int[1, Fields.Length], Gen.Int[0, Fields.Length - 1].List[0, 3]).Sample((b, k, edits) =>
        {
            var caps = new DeviceCapabilities(PimFormat.VCard21, Fields.Take(k).Select(f => new PropertyCapability(f.Split(';')[0], 8, false, f.Contains(';', StringComparison.Ordinal) ? ["HOME", "WORK"] : [])));
            var full = Card(b);
            var onDevice = ItemFilter.ForDevice(PimDocument.Parse(full), caps);
            var edited = edits.Where(i => i < k).Distinct().ToList();
            foreach (var i in edited)
            {
                var p = onDevice.Properties.Find(x => x.NameIs(Fields[i].Split(';')[0]) && (Fields[i].Contains(';', StringComparison.Ordinal) ? x.HasType(Fields[i].Split('=')[1]) : true));
                if (p is null) onDevice.Properties.Add(new PimProperty(Fields[i].Split(';')[0], "new" + i, Fields[i].Contains(';', StringComparison.Ordinal) ? [new PimParameter(Fields[i].Split('=')[1], null)] : null));
                else p.Value = "new" + i;
            }
            var merged = PimDocument.Parse(ItemMerger.Merge(full, full, PimDocument.Write(onDevice), caps).Content);
            for (var i = 0; i < Fields.Length; i++)
            {
                var expected = edited.Contains(i) ? "new" + i : b[i];
                Assert.Equal(expected, ValueOf(merged, Fields[i]));
            }
        }, iter: 300, threads: 1);
    }
}
