using System.Text.Json;
using System.Text.Json.Serialization;

namespace Concord.Cli.Sync;

/// <summary>
/// The profiles file: <c>$CONCORD_PROFILES</c>, else <c>$XDG_CONFIG_HOME/concord/profiles.json</c>, else
/// <c>~/.config/concord/profiles.json</c>. Written with owner-only permissions (0600); a file others can read is
/// refused when it holds a password.
/// </summary>
internal sealed class SyncProfileFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private SyncProfileFile(string path, Dictionary<string, SyncProfile> profiles)
    {
        Path = path;
        Profiles = profiles;
    }

    public string Path { get; }

    public Dictionary<string, SyncProfile> Profiles { get; }

    public static string DefaultPath()
    {
        if (Environment.GetEnvironmentVariable("CONCORD_PROFILES") is { Length: > 0 } explicitPath) return System.IO.Path.GetFullPath(explicitPath);
        var config = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg
            ? xdg
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return System.IO.Path.Combine(config, "concord", "profiles.json");
    }

    /// <summary>Reads the file (an empty set when it does not exist).</summary>
    /// <exception cref="InvalidOperationException">The file cannot be read, or others can read the passwords in it.</exception>
    public static SyncProfileFile Load(string path)
    {
        if (!File.Exists(path)) return new SyncProfileFile(path, new Dictionary<string, SyncProfile>(StringComparer.Ordinal));
        Dictionary<string, SyncProfile>? profiles;
        try
        {
            profiles = JsonSerializer.Deserialize(File.ReadAllText(path), ProfileJson.Default.DictionaryStringSyncProfile);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"The profiles file {path} is not valid JSON: {e.Message}", e);
        }
        profiles ??= [];
        if (!OperatingSystem.IsWindows() && profiles.Values.Any(p => p.Password is not null)
            && (File.GetUnixFileMode(path) & ~OwnerOnly) != 0)
        {
            throw new InvalidOperationException(
                $"The profiles file {path} holds passwords and others can read it; make it yours alone: chmod 600 {path}");
        }
        return new SyncProfileFile(path, new Dictionary<string, SyncProfile>(profiles, StringComparer.Ordinal));
    }

    /// <summary>Writes the file whole, owner-only, through a temporary file renamed over it.</summary>
    public void Save()
    {
        var dir = System.IO.Path.GetDirectoryName(Path)!;
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(dir);
        else if (!Directory.Exists(dir)) Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var temp = Path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnly;
        using (var stream = new FileStream(temp, options))
        {
            JsonSerializer.Serialize(stream, Profiles, ProfileJson.Default.DictionaryStringSyncProfile);
        }
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, OwnerOnly);
        File.Move(temp, Path, overwrite: true);
    }
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Dictionary<string, SyncProfile>))]
internal sealed partial class ProfileJson : JsonSerializerContext;
