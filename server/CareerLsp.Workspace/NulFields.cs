namespace CareerLsp.Workspace;

/// <summary>Receives one field of a NUL-separated stream (valid only during the call).</summary>
public delegate void FieldHandler(ReadOnlySpan<byte> field);

/// <summary>
/// Splits git's <c>-z</c> output into NUL-terminated fields as it arrives, so that a history of
/// any length is parsed while git is still writing it: a field is copied only when it spans two
/// chunks. <see cref="Complete"/> hands over what follows the last NUL.
/// </summary>
public sealed class NulFields(FieldHandler onField)
{
    private byte[] _pending = new byte[4096];
    private int _length;

    /// <summary>The sink to give <see cref="Git.Stream"/>.</summary>
    public void Feed(ReadOnlySpan<byte> chunk)
    {
        while (true)
        {
            int nul = chunk.IndexOf((byte)0);
            if (nul < 0)
            {
                Append(chunk);
                return;
            }
            if (_length == 0)
            {
                onField(chunk[..nul]);
            }
            else
            {
                Append(chunk[..nul]);
                onField(_pending.AsSpan(0, _length));
                _length = 0;
            }
            chunk = chunk[(nul + 1)..];
        }
    }

    /// <summary>Hands over the text after the last NUL, if any (a stream need not end with one).</summary>
    public void Complete()
    {
        if (_length == 0) return;
        int length = _length;
        _length = 0;
        onField(_pending.AsSpan(0, length));
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return;
        if (_length + bytes.Length > _pending.Length) Array.Resize(ref _pending, Math.Max(_pending.Length * 2, _length + bytes.Length));
        bytes.CopyTo(_pending.AsSpan(_length));
        _length += bytes.Length;
    }
}
