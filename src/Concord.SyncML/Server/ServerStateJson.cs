using System.Text.Json.Serialization;

namespace Concord.SyncML.Server;

/// <summary>Source-generated JSON for session state: no reflection, stable across restarts.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(ServerSessionState))]
[JsonSerializable(typeof(SentChange))]
internal sealed partial class ServerStateJson : JsonSerializerContext;
