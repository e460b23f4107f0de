using System.Text;
using Concord.Card.Apdu;
using Concord.Card.Handset;
using Concord.Card.Pcsc;
using Concord.Storage.Client;

namespace Concord.Cli.Sync;

/// <summary>
/// <c>--store card:=REMOTE</c> (the first PC/SC reader holding a Concord card) and <c>--store card:READER=REMOTE</c>:
/// the card's phonebook as the local store, reached through pcscd. The handset's state for a card (anchors of its
/// own are not needed, the card keeps them; the ID map, and the copy of the card memory) lives in
/// <c>$CONCORD_CARD_STATE</c>, else <c>$XDG_DATA_HOME/concord/cards/ICCID/</c>, else
/// <c>~/.local/share/concord/cards/ICCID/</c>.
/// </summary>
internal sealed class CardStore : IDisposable
{
    /// <summary>What a local store spec starts with to name a card.</summary>
    public const string Prefix = "card:";

    /// <summary>The PIN1's environment variable.</summary>
    public const string PinVariable = "CONCORD_CARD_PIN";

    /// <summary>The environment variable naming the folder that holds one state folder per card.</summary>
    public const string StateVariable = "CONCORD_CARD_STATE";

    private readonly PcscContext _context;
    private readonly PcscConnection _connection;

    private CardStore(PcscContext context, PcscConnection connection, CardDataStore store, SqliteClientState state, string reader)
    {
        _context = context;
        _connection = connection;
        Store = store;
        State = state;
        Reader = reader;
    }

    public CardDataStore Store { get; }

    public SqliteClientState State { get; }

    public string Reader { get; }

    /// <summary>Whether a --store LOCAL names a card.</summary>
    public static bool Names(string local) => local.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The folder holding one state folder per card.</summary>
    public static string StateRoot()
    {
        if (Environment.GetEnvironmentVariable(StateVariable) is { Length: > 0 } given) return given;
        var data = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(data, "concord", "cards");
    }

    /// <summary>Connects to the card, opens its phonebook (verifying the PIN) and the handset's state for it.</summary>
    /// <exception cref="InvalidOperationException">No reader holds a Concord card, or the named reader has none.</exception>
    /// <exception cref="IOException">The card or the reader failed.</exception>
    /// <exception cref="UnauthorizedAccessException">The card refused the PIN.</exception>
    public static CardStore Open(string local, string? pin)
    {
        var wanted = local[Prefix.Length..];
        var context = PcscContext.Establish();
        try
        {
            var (reader, connection) = Connect(context, wanted);
            try
            {
                var store = CardDataStore.Open(new CardTerminal(connection), pin, iccid => CardMemoryCopy.Load(Path.Combine(StateRoot(), iccid, "card.json")));
                var folder = Path.Combine(StateRoot(), store.Iccid);
                Directory.CreateDirectory(folder);
                return new CardStore(context, connection, store, SqliteClientState.Open(Path.Combine(folder, "sync.db")), reader);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }
        catch (PcscException e)
        {
            context.Dispose();
            throw new IOException(e.Message, e);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    // The ATR's historical bytes carry "Concord" as card issuer's data (docs/card.md).
    private static readonly byte[] Mark = Encoding.ASCII.GetBytes("Concord");

    private static (string Reader, PcscConnection Connection) Connect(PcscContext context, string wanted)
    {
        var readers = context.ListReaders();
        if (wanted.Length > 0)
        {
            var reader = readers.FirstOrDefault(r => r == wanted) ?? readers.FirstOrDefault(r => r.StartsWith(wanted, StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"There is no PC/SC reader '{wanted}'; the readers are: {string.Join(", ", readers)}.");
            return (reader, context.Connect(reader));
        }
        foreach (var reader in readers)
        {
            PcscConnection connection;
            try
            {
                connection = context.Connect(reader);
            }
            catch (PcscException)
            {
                continue;   // no card in this reader
            }
            if (connection.Atr.Span.IndexOf(Mark) >= 0) return (reader, connection);
            connection.Dispose();
        }
        throw new InvalidOperationException(readers.Count == 0
            ? "pcscd lists no reader; is pcscd running and the card served (concord card serve)?"
            : $"No reader holds a Concord card; the readers are: {string.Join(", ", readers)}. Name one with --store card:READER=REMOTE.");
    }

    public void Dispose()
    {
        _connection.Dispose();
        _context.Dispose();
    }
}

/// <summary>The cards one <c>concord sync</c> run opened, closed at its end.</summary>
internal sealed class CardStores : IDisposable
{
    private readonly List<CardStore> _open = [];

    /// <summary>Opens a card store and binds it; false, with the reason on stderr, when it cannot be used.</summary>
    public bool TryBind(string local, string remote, SyncSettings settings, List<Concord.SyncML.Client.ClientStoreBinding> bindings)
    {
        try
        {
            var card = CardStore.Open(local, settings.CardPin);
            _open.Add(card);
            bindings.Add(new Concord.SyncML.Client.ClientStoreBinding(card.Store, card.State, remote, settings.Mode));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or System.Data.Common.DbException)
        {
            Console.Error.WriteLine($"error: the card ({local}) cannot be used: {e.Message}");
            return false;
        }
    }

    public void Dispose()
    {
        foreach (var card in _open) card.Dispose();
    }
}
