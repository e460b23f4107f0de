using System.CommandLine;
using System.Net.Sockets;
using System.Security.Cryptography;
using Concord.Card.Pcsc;
using Concord.Card.Storage;
using Concord.Card.Uicc;

namespace Concord.Cli.Card;

/// <summary><c>concord card serve|format</c>: the virtual UICC, reached through pcscd's vpcd reader.</summary>
internal static class CardCommand
{
    public static Command Create()
    {
        var command = new Command("card", "The virtual SIM card with synchronization objects (see docs/card.md).");
        command.Subcommands.Add(Serve());
        command.Subcommands.Add(Format());
        return command;
    }

    private static Option<string> ImageOption() => new("--image") { Description = "The card's memory (its EEPROM image file).", Required = true };

    private static Option<int> RecordsOption() => new("--records")
    {
        Description = "Phonebook size (EF_ADN records) of a new card.",
        DefaultValueFactory = _ => CardGeometry.Default.AdnRecords,
    };

    private static Command Format()
    {
        var image = ImageOption();
        var records = RecordsOption();
        var command = new Command("format", "Create a new, empty card image.") { image, records };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(image)!;
            if (File.Exists(path))
            {
                Console.Error.WriteLine($"{path} exists already; a card image is never overwritten.");
                return 1;
            }
            using var eeprom = NewImage(path, parse.GetValue(records));
            return 0;
        });
        return command;
    }

    private static FileEeprom NewImage(string path, int records)
    {
        var geometry = CardGeometry.Default with { AdnRecords = records };
        geometry.Validate();
        var options = new UiccCardOptions { Geometry = geometry };
        var eeprom = FileEeprom.Create(path, UiccCard.RequiredEepromSize(geometry));
        UiccCard.Format(eeprom, options, RandomNumberGenerator.Create());
        Console.Error.WriteLine($"New card {path}: {records} phonebook records, PIN1 {options.Pin1}, PUK1 {options.Puk1}.");
        return eeprom;
    }

    private static Command Serve()
    {
        var image = ImageOption();
        var records = RecordsOption();
        var vpcd = new Option<string>("--vpcd")
        {
            Description = "Where pcscd's vpcd reader listens (host:port).",
            DefaultValueFactory = _ => "127.0.0.1:" + VpcdConnection.DefaultPort,
        };
        var command = new Command("serve", "Insert the card into pcscd's virtual reader (vsmartcard vpcd) until stopped.") { image, vpcd, records };
        command.SetAction(async (parse, token) =>
        {
            var path = parse.GetValue(image)!;
            using var eeprom = File.Exists(path) ? FileEeprom.Open(path) : NewImage(path, parse.GetValue(records));
            var card = UiccCard.Boot(eeprom, RandomNumberGenerator.Create());
            var (host, port) = Split(parse.GetValue(vpcd)!);
            Console.Error.WriteLine($"Card {path} ready; connecting to vpcd at {host}:{port} (Ctrl+C to remove it).");
            while (!token.IsCancellationRequested)
            {
                try
                {
                    using var connection = await VpcdConnection.ConnectAsync(card, host, port, token);
                    Console.Error.WriteLine("Card inserted.");
                    await connection.RunAsync(token);
                    Console.Error.WriteLine("vpcd closed the connection; the card is out. Reconnecting.");
                }
                catch (SocketException e)
                {
                    Console.Error.WriteLine($"vpcd does not answer at {host}:{port} ({e.SocketErrorCode}); is pcscd running with vsmartcard-vpcd? Retrying.");
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            return 0;
        });
        return command;
    }

    private static (string Host, int Port) Split(string endpoint)
    {
        var colon = endpoint.LastIndexOf(':');
        return colon > 0 && int.TryParse(endpoint[(colon + 1)..], out var port)
            ? (endpoint[..colon], port)
            : throw new ArgumentException($"--vpcd '{endpoint}' is not host:port.");
    }
}
