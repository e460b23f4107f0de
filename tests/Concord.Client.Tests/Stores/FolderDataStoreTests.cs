using Concord.Client.Tests.Support;
using Concord.Storage.Client;
using Concord.Sync;

namespace Concord.Client.Tests.Stores;

public sealed class FolderDataStoreTests : IDisposable
{
    private readonly string _path = TempFolder.Create("concord-folder-");

    public void Dispose() => TempFolder.Delete(_path);

    [Fact]
    public void Items_are_the_visible_files_of_the_kind_and_their_versions_follow_their_bytes()
    {
        File.WriteAllText(Path.Combine(_path, "ada.vcf"), Cards.VCard("Ada"));
        File.WriteAllText(Path.Combine(_path, ".hidden.vcf"), Cards.VCard("Hidden"));
        File.WriteAllText(Path.Combine(_path, "readme.md"), "not an item");
        Directory.CreateDirectory(Path.Combine(_path, ".concord"));
        var store = new FolderDataStore(_path, StoreKind.Contacts);

        var before = Assert.Single(store.List());
        File.AppendAllText(Path.Combine(_path, "ada.vcf"), " ");
        var after = Assert.Single(store.List());

        Assert.Equal("ada.vcf", before.Id);
        Assert.NotEqual(before.Version, after.Version);
    }

    [Fact]
    public void An_edit_that_keeps_the_size_is_found_although_versions_are_kept_by_size_and_time()
    {
        var file = Path.Combine(_path, "ada.vcf");
        File.WriteAllText(file, Cards.VCard("Ada", "+1 555 0100"));
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(-1));
        var before = Assert.Single(new FolderDataStore(_path, StoreKind.Contacts).List());

        File.WriteAllText(file, Cards.VCard("Ada", "+1 555 0199"));
        var after = Assert.Single(new FolderDataStore(_path, StoreKind.Contacts).List());
        var cached = Assert.Single(new FolderDataStore(_path, StoreKind.Contacts).List());

        Assert.NotEqual(before.Version, after.Version);
        Assert.Equal(after, cached);
        Assert.True(File.Exists(Path.Combine(_path, ".concord", "versions.tsv")));
    }

    [Theory]
    [InlineData("BEGIN:VCARD\r\nVERSION:2.1\r\nFN:A\r\nEND:VCARD\r\n", "text/x-vcard")]
    [InlineData("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEND:VCARD\r\n", "text/vcard")]
    public void A_contacts_type_follows_its_vcard_version(string content, string type)
    {
        File.WriteAllText(Path.Combine(_path, "a.vcf"), content);

        Assert.Equal(type, new FolderDataStore(_path, StoreKind.Contacts).Read("a.vcf")!.ContentType);
    }

    [Fact]
    public void New_items_are_named_after_what_they_are_and_never_take_a_name_in_use()
    {
        var store = new FolderDataStore(_path, StoreKind.Contacts);
        File.WriteAllText(Path.Combine(_path, "Test Ada.vcf"), "x");

        var id = store.NewId(Cards.VCard("Ada"), "text/vcard", new HashSet<string> { "Test Ada 2.vcf" });

        Assert.Equal("Test Ada 3.vcf", id);
    }

    [Fact]
    public void Writing_the_same_item_twice_leaves_one_file_with_the_version_of_its_bytes()
    {
        var store = new FolderDataStore(_path, StoreKind.Notes);

        var first = store.Write("note.txt", "hello", "text/plain");
        var second = store.Write("note.txt", "hello", "text/plain");

        Assert.Equal(first, second);
        Assert.Equal(first, Assert.Single(store.List()));
        Assert.Single(Directory.GetFiles(_path));
    }

    [Theory]
    [InlineData("../escape.vcf")]
    [InlineData(".hidden.vcf")]
    [InlineData("sub/dir.vcf")]
    [InlineData("wrong.txt")]
    public void Ids_that_are_not_plain_item_names_are_never_written(string id)
    {
        var store = new FolderDataStore(_path, StoreKind.Contacts);

        Assert.Throws<ArgumentException>(() => store.Write(id, Cards.VCard("X"), "text/vcard"));
        Assert.Null(store.Read(id));
    }
}
