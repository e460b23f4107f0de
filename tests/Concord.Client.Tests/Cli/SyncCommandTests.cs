using Concord.Client.Tests.Support;
using Concord.Storage.Client;

namespace Concord.Client.Tests.Cli;

/// <summary><c>concord sync</c> as a script runs it: its own process, the password in the environment, not on a terminal.</summary>
public sealed class SyncCommandTests : IDisposable
{
    private readonly string _home = TempFolder.Create("concord-cli-");

    public void Dispose() => TempFolder.Delete(_home);

    private Dictionary<string, string?> Env(string password = "secret") => new()
    {
        ["CONCORD_PASSWORD"] = password,
        ["CONCORD_PROFILES"] = Path.Combine(_home, "profiles.json"),
    };

    private string Folder(string name)
    {
        var path = Path.Combine(_home, name);
        Directory.CreateDirectory(path);
        return path;
    }

    [Fact]
    public async Task The_scripted_form_syncs_several_stores_and_exits_0()
    {
        await using var host = await ConcordHost.StartAsync();
        var contacts = Folder("contacts");
        var calendar = Folder("calendar");
        File.WriteAllText(Path.Combine(contacts, "ada.vcf"), Cards.VCard("Ada"));
        File.WriteAllText(Path.Combine(calendar, "standup.ics"), Cards.Event("Standup", "uid-standup"));

        var run = await ConcordCli.RunAsync(["sync", "--url", host.Url.ToString(), "--user", "bob", "--store", $"{contacts}=contacts",
            "--store", $"{calendar}=calendar", "--mode", "two-way", "--encoding", "wbxml", "--syncml", "1.1"], Env());

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Single(host.Items("contacts"));
        Assert.Single(host.Items("calendar"));
        // Not a terminal: plain log lines on stderr, and the table per store and side on stdout.
        Assert.Contains("the server runs a slow sync", run.Error, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^store\s+side\s+mode\s+added\s+updated\s+deleted\s+conflicts\s+failures\s+result$", run.Output);
        Assert.Matches($@"(?m)^{System.Text.RegularExpressions.Regex.Escape(contacts)}\s+local\s+slow \(asked two-way\)\s+0\s+0\s+0\s+0\s+0\s+synced$", run.Output);
        Assert.Matches(@"(?m)^calendar\s+server\s+1\s+0\s+0\s+0\s+0$", run.Output);
    }

    [Fact]
    public async Task The_device_id_is_made_once_per_folder_and_used_on_every_run()
    {
        await using var host = await ConcordHost.StartAsync();
        var contacts = Folder("contacts");
        File.WriteAllText(Path.Combine(contacts, "ada.vcf"), Cards.VCard("Ada"));
        string[] args = ["sync", "--url", host.Url.ToString(), "--user", "bob", "--store", $"{contacts}=contacts", "--mode", "two-way"];

        var first = await ConcordCli.RunAsync(args, Env());
        var second = await ConcordCli.RunAsync(args, Env());

        var device = SqliteClientState.ForFolder(contacts).DeviceId;
        Assert.Contains($"as device {device}", first.Error, StringComparison.Ordinal);
        Assert.Contains($"as device {device}", second.Error, StringComparison.Ordinal);
        Assert.Contains("the server runs a two-way sync", second.Error, StringComparison.Ordinal);   // same device: anchors matched
    }

    [Fact]
    public async Task A_wrong_password_exits_1_and_says_why()
    {
        await using var host = await ConcordHost.StartAsync();
        var contacts = Folder("contacts");

        var run = await ConcordCli.RunAsync(["sync", "--url", host.Url.ToString(), "--user", "bob", "--store", $"{contacts}=contacts",
            "--mode", "slow"], Env("nope"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("refused the credentials of user 'bob' (status 401", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--mode", "sideways", "--mode 'sideways' is not one of two-way, slow")]
    [InlineData("--encoding", "json", "--encoding 'json' is not xml or wbxml")]
    [InlineData("--syncml", "2.0", "--syncml '2.0' is not 1.1 or 1.2")]
    public async Task A_bad_option_exits_2_and_names_it(string option, string value, string message)
    {
        var run = await ConcordCli.RunAsync(["sync", "--url", "http://127.0.0.1:1/sync", "--user", "bob", "--store", $"{Folder("c")}=contacts",
            option, value], Env());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_profile_made_on_the_first_run_is_owner_only_and_is_all_the_second_run_needs()
    {
        await using var host = await ConcordHost.StartAsync();
        var contacts = Folder("contacts");
        File.WriteAllText(Path.Combine(contacts, "ada.vcf"), Cards.VCard("Ada"));

        var first = await ConcordCli.RunAsync(["sync", "work", "--url", host.Url.ToString(), "--user", "bob", "--store", $"{contacts}=contacts",
            "--mode", "two-way", "--save-password"], Env());
        File.WriteAllText(Path.Combine(contacts, "bob.vcf"), Cards.VCard("Bob"));
        var second = await ConcordCli.RunAsync(["sync", "work"], new Dictionary<string, string?> { ["CONCORD_PROFILES"] = Env()["CONCORD_PROFILES"] });

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        var file = Env()["CONCORD_PROFILES"]!;
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(2, host.Items("contacts").Count);

        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var exposed = await ConcordCli.RunAsync(["sync", "work"], new Dictionary<string, string?> { ["CONCORD_PROFILES"] = file });
        Assert.Equal(2, exposed.ExitCode);
        Assert.Contains("chmod 600", exposed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_lists_the_changes_item_by_item_and_changes_nothing()
    {
        await using var host = await ConcordHost.StartAsync();
        var a = Folder("a");
        var b = Folder("b");
        File.WriteAllText(Path.Combine(a, "ada.vcf"), Cards.VCard("Ada"));
        string[] Args(string folder, params string[] more) =>
            ["sync", "--url", host.Url.ToString(), "--user", "bob", "--store", $"{folder}=contacts", "--mode", "two-way", .. more];
        Assert.Equal(0, (await ConcordCli.RunAsync(Args(a), Env())).ExitCode);
        Assert.Equal(0, (await ConcordCli.RunAsync(Args(b), Env())).ExitCode);
        File.WriteAllText(Path.Combine(a, "grace.vcf"), Cards.VCard("Grace"));
        Assert.Equal(0, (await ConcordCli.RunAsync(Args(a), Env())).ExitCode);
        File.WriteAllText(Path.Combine(b, "edsger.vcf"), Cards.VCard("Edsger"));
        var before = Directory.GetFiles(b).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        var state = File.ReadAllBytes(Path.Combine(b, ".concord", "sync.db"));

        var plan = await ConcordCli.RunAsync(Args(b, "--dry-run"), Env());

        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Contains("local  add    Test Grace.vcf  (Test Grace)", plan.Output, StringComparison.Ordinal);
        Assert.Contains("server add    edsger.vcf  (Test Edsger)", plan.Output, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(b).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList());
        Assert.Equal(2, host.Items("contacts").Count);
        var real = await ConcordCli.RunAsync(Args(b), Env());
        Assert.Contains("the server runs a two-way sync", real.Error, StringComparison.Ordinal);   // anchors kept by the dry run
        Assert.Equal(3, host.Items("contacts").Count);
        Assert.NotNull(state);
    }
}
