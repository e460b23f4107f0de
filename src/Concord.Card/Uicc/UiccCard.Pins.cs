using System.Security.Cryptography;
using Concord.Card.Apdu;
using Concord.Card.Security;

namespace Concord.Card.Uicc;

public sealed partial class UiccCard
{
    /// <summary>Key reference of PIN1 (TS 102 221 §9.5.1: PIN Appl 1).</summary>
    public const byte PinRef1 = 0x01;

    /// <summary>Key reference of PIN2 (second PIN Appl 1).</summary>
    public const byte PinRef2 = 0x81;

    private const int PukOffset = 2;  // slots 2 and 3 hold the UNBLOCK PINs of slots 0 and 1

    private PinSlot ReadPin(int index) => PinSlot.Read(_memory.Data.Slice(_memory.Layout.PinSlot(index), 16));

    private void WritePinSlot(int index, PinSlot slot)
    {
        Span<byte> bytes = stackalloc byte[16];
        _memory.Data.Slice(_memory.Layout.PinSlot(index), 16).CopyTo(bytes);
        slot.WriteTo(bytes);
        _memory.Write(_memory.Layout.PinSlot(index), bytes);
    }

    private static int PinIndex(byte p2) => p2 switch
    {
        PinRef1 => 0,
        PinRef2 => 1,
        _ => -1,
    };

    /// <summary>
    /// Checks a presented value against a slot. The try is counted in the same transaction as the answer, and the
    /// answer only leaves after the commit, so cutting power after seeing "wrong" cannot save a try.
    /// </summary>
    private bool Present(int index, ReadOnlySpan<byte> presented, out PinSlot slot)
    {
        slot = ReadPin(index);
        var ok = CryptographicOperations.FixedTimeEquals(slot.Value, presented);
        slot = slot with { TriesLeft = ok ? slot.MaxTries : slot.TriesLeft - 1 };
        WritePinSlot(index, slot);
        return ok;
    }

    private Reply Verify(in CommandApdu c)
    {
        if (c.P1 != 0) return StatusWord.WrongParameters;
        var index = PinIndex(c.P2);
        if (index < 0) return StatusWord.ReferencedDataNotFound;
        if (c.Nc is not (0 or PinSlot.ValueLength)) return StatusWord.WrongLength;
        var slot = ReadPin(index);
        if (!slot.Enabled) return StatusWord.ReferenceDataInvalidated;
        if (slot.Blocked) return StatusWord.AuthenticationMethodBlocked;

        // TS 102 221 §11.1.9: an empty VERIFY asks for the state: 9000 if verified, else the tries left.
        if (c.Nc == 0) return _verified[index] ? StatusWord.Success : StatusWord.TriesLeft(slot.TriesLeft);

        _verified[index] = Present(index, c.Data.Span, out slot);
        return _verified[index] ? StatusWord.Success : StatusWord.TriesLeft(slot.TriesLeft);
    }

    private Reply ChangePin(in CommandApdu c)
    {
        if (c.P1 != 0) return StatusWord.WrongParameters;
        var index = PinIndex(c.P2);
        if (index < 0) return StatusWord.ReferencedDataNotFound;
        if (c.Nc != 2 * PinSlot.ValueLength) return StatusWord.WrongLength;
        var slot = ReadPin(index);
        if (!slot.Enabled) return StatusWord.ReferenceDataInvalidated;
        if (slot.Blocked) return StatusWord.AuthenticationMethodBlocked;
        var newPin = c.Data.Span[PinSlot.ValueLength..];
        if (!PinSlot.IsWellFormed(newPin)) return StatusWord.IncorrectData;

        if (!Present(index, c.Data.Span[..PinSlot.ValueLength], out slot))
        {
            _verified[index] = false;
            return StatusWord.TriesLeft(slot.TriesLeft);
        }

        WritePinSlot(index, slot with { Value = newPin.ToArray() });
        _verified[index] = true;
        return StatusWord.Success;
    }

    private Reply DisablePin(in CommandApdu c) => SetPinEnabled(c, enable: false);

    private Reply EnablePin(in CommandApdu c) => SetPinEnabled(c, enable: true);

    private Reply SetPinEnabled(in CommandApdu c, bool enable)
    {
        // TS 102 221 §11.1.11: P1 80 would name an alternative global key, which this card does not have.
        if (c.P1 != 0) return StatusWord.WrongParameters;
        var index = PinIndex(c.P2);
        if (index < 0) return StatusWord.ReferencedDataNotFound;
        if (c.Nc != PinSlot.ValueLength) return StatusWord.WrongLength;
        var slot = ReadPin(index);
        if (slot.Blocked) return StatusWord.AuthenticationMethodBlocked;
        if (slot.Enabled == enable) return StatusWord.ConditionsNotSatisfied;

        if (!Present(index, c.Data.Span, out slot))
        {
            _verified[index] = false;
            return StatusWord.TriesLeft(slot.TriesLeft);
        }

        WritePinSlot(index, slot with { Enabled = enable });
        _verified[index] = enable;
        return StatusWord.Success;
    }

    private Reply UnblockPin(in CommandApdu c)
    {
        if (c.P1 != 0) return StatusWord.WrongParameters;
        var index = PinIndex(c.P2);
        if (index < 0) return StatusWord.ReferencedDataNotFound;
        if (c.Nc is not (0 or 2 * PinSlot.ValueLength)) return StatusWord.WrongLength;
        var puk = ReadPin(index + PukOffset);
        if (puk.Blocked) return StatusWord.AuthenticationMethodBlocked;
        if (c.Nc == 0) return StatusWord.TriesLeft(puk.TriesLeft);
        var newPin = c.Data.Span[PinSlot.ValueLength..];
        if (!PinSlot.IsWellFormed(newPin)) return StatusWord.IncorrectData;

        if (!Present(index + PukOffset, c.Data.Span[..PinSlot.ValueLength], out puk))
            return StatusWord.TriesLeft(puk.TriesLeft);

        // TS 102 221 §11.1.13: the PIN takes the new value, its tries are reset, and it is enabled and verified.
        var pin = ReadPin(index);
        WritePinSlot(index, pin with { Value = newPin.ToArray(), TriesLeft = pin.MaxTries, Enabled = true });
        _verified[index] = true;
        return StatusWord.Success;
    }
}
