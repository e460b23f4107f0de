using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Concord.Sync;

namespace Concord.SyncML.Server;

/// <summary>
/// The staged bases of a session (what each change sent in the last message gives the device) as one base64 string
/// of length-prefixed UTF-8 instead of a JSON object: a message carries a few hundred whole vCards here, and writing
/// and reading them as JSON text (an escape for every line break and every non-ASCII letter) cost about an eighth of the
/// server's CPU in a slow sync to a device. Reads the JSON object form too (state saved by an earlier version).
/// </summary>
internal sealed class StagedBasesConverter : JsonConverter<Dictionary<string, string?>>
{
    public override Dictionary<string, string?> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString()!;
                reader.Read();
                result[key] = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
            }
            return result;
        }
        var bytes = CompactBytes.FromBase64(ref reader);
        var at = 0;
        while (at < bytes.Length)
        {
            var key = CompactBytes.ReadString(bytes, ref at)!;
            result[key] = CompactBytes.ReadString(bytes, ref at);
        }
        return result;
    }

    public override void Write(Utf8JsonWriter writer, Dictionary<string, string?> value, JsonSerializerOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>();
        foreach (var (key, content) in value)
        {
            CompactBytes.WriteString(buffer, key);
            CompactBytes.WriteString(buffer, content);
        }
        writer.WriteBase64StringValue(buffer.WrittenSpan);
    }
}

/// <summary>
/// The server commands awaiting a status (one per change sent in the last message), compactly: "msg/cmd", store
/// index, kind, chunked flag and server id per entry, in one base64 string. Reads the JSON object form too.
/// </summary>
internal sealed class AwaitingStatusConverter : JsonConverter<Dictionary<string, SentChange>>
{
    public override Dictionary<string, SentChange> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var result = new Dictionary<string, SentChange>(StringComparer.Ordinal);
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString()!;
                reader.Read();
                result[key] = JsonSerializer.Deserialize(ref reader, ServerStateJson.Default.SentChange)!;
            }
            return result;
        }
        var bytes = CompactBytes.FromBase64(ref reader);
        var at = 0;
        while (at < bytes.Length)
        {
            var key = CompactBytes.ReadString(bytes, ref at)!;
            var storeIndex = CompactBytes.ReadNumber(bytes, ref at);
            var flags = CompactBytes.ReadNumber(bytes, ref at);
            var guid = CompactBytes.ReadString(bytes, ref at)!;
            result[key] = new SentChange(storeIndex, (ChangeKind)(flags >> 1), guid, (flags & 1) != 0);
        }
        return result;
    }

    public override void Write(Utf8JsonWriter writer, Dictionary<string, SentChange> value, JsonSerializerOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>();
        foreach (var (key, change) in value)
        {
            CompactBytes.WriteString(buffer, key);
            CompactBytes.WriteNumber(buffer, change.StoreIndex);
            CompactBytes.WriteNumber(buffer, ((int)change.Kind << 1) | (change.Chunked ? 1 : 0));
            CompactBytes.WriteString(buffer, change.Guid);
        }
        writer.WriteBase64StringValue(buffer.WrittenSpan);
    }
}

/// <summary>Length-prefixed UTF-8 strings and 7-bit-encoded numbers, the layout of the compact state converters.</summary>
internal static class CompactBytes
{
    public static byte[] FromBase64(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String
            ? reader.GetBytesFromBase64()
            : throw new JsonException($"expected a base64 string, found {reader.TokenType}");

    /// <summary>Writes a string as its UTF-8 length plus one (0 for null), then its bytes.</summary>
    public static void WriteString(ArrayBufferWriter<byte> buffer, string? text)
    {
        if (text is null)
        {
            WriteNumber(buffer, 0);
            return;
        }
        var length = Encoding.UTF8.GetByteCount(text);
        WriteNumber(buffer, length + 1);
        Encoding.UTF8.GetBytes(text, buffer.GetSpan(length));
        buffer.Advance(length);
    }

    public static string? ReadString(byte[] bytes, ref int at)
    {
        var length = ReadNumber(bytes, ref at) - 1;
        if (length < 0) return null;
        if (length > bytes.Length - at) throw new JsonException("compact state: a string runs past the end");
        var text = Encoding.UTF8.GetString(bytes, at, length);
        at += length;
        return text;
    }

    public static void WriteNumber(ArrayBufferWriter<byte> buffer, int value)
    {
        var span = buffer.GetSpan(5);
        var n = 0;
        var v = (uint)value;
        while (v >= 0x80)
        {
            span[n++] = (byte)((v & 0x7F) | 0x80);
            v >>= 7;
        }
        span[n++] = (byte)v;
        buffer.Advance(n);
    }

    public static int ReadNumber(byte[] bytes, ref int at)
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (at >= bytes.Length) throw new JsonException("compact state: a number runs past the end");
            var b = bytes[at++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80) return value <= int.MaxValue ? (int)value : throw new JsonException("compact state: a number is too large");
        }
        throw new JsonException("compact state: a number is too long");
    }
}
