using Concord.Client.Tests.Support;

namespace Concord.Client.Tests.Cli;

/// <summary><c>--store sqlite:DB#USER[/STORE]=REMOTE</c>: a collection in Concord's own database as the local side.</summary>
public sealed class SqliteStoreOptionTests
{
    private static readonly Dictionary<string, string?> Env = new() { ["CONCORD_PASSWORD"] = "secret" };

    [Fact]
    public async Task A_data_folder_and_account_sync_and_the_table_names_the_collection()
    {
        await using var host = await ConcordHost.StartAsync();
        using var db = new LocalDatabase();
        db.Put(Cards.VCard("Ada"));

        var run = await ConcordCli.RunAsync(["sync", "--url", host.Url.ToString(), "--user", "bob", "--store",
            $"sqlite:{db.Data.Path}#alice=contacts", "--mode", "two-way"], Env);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(Same.Items(db.Items()), Same.Items(host.Items("contacts")));
        Assert.Contains($"{db.DatabasePath}#alice/contacts", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sqlite:{0}=contacts", "is not sqlite:DB#USER or sqlite:DB#USER/STORE")]
    [InlineData("sqlite:{0}#alice/sideways=contacts", "'sideways' in --store")]
    [InlineData("sqlite:{0}#mallory/contacts=contacts", "There is no account 'mallory'")]
    [InlineData("sqlite:{0}/missing.db#alice=contacts", "There is no database")]
    public async Task A_bad_database_spec_exits_2_and_says_what_is_wrong(string spec, string message)
    {
        using var db = new LocalDatabase();

        var run = await ConcordCli.RunAsync(["sync", "--url", "http://127.0.0.1:9/sync", "--user", "bob", "--store",
            string.Format(System.Globalization.CultureInfo.InvariantCulture, spec, db.Data.Path), "--mode", "two-way"], Env);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }
}
