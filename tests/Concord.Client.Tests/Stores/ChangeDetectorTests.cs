using Concord.Sync;
using Concord.Sync.Stores;

namespace Concord.Client.Tests.Stores;

public sealed class ChangeDetectorTests
{
    [Fact]
    public void New_ids_are_adds_changed_versions_replaces_and_missing_ids_deletes()
    {
        var now = new[] { new ItemVersion("b", "2"), new ItemVersion("a", "1"), new ItemVersion("d", "9") };
        var confirmed = new Dictionary<string, string> { ["a"] = "1", ["b"] = "1", ["c"] = "1" };

        var changes = ChangeDetector.Compare(now, confirmed);

        Assert.Equal([new ItemChange("b", ChangeKind.Replace), new ItemChange("d", ChangeKind.Add), new ItemChange("c", ChangeKind.Delete)], changes);
    }

    [Fact]
    public void An_unchanged_store_has_no_changes()
    {
        var confirmed = new Dictionary<string, string> { ["a"] = "1" };

        Assert.Empty(ChangeDetector.Compare([new ItemVersion("a", "1")], confirmed));
    }
}
