using System.Buffers.Binary;
using System.Numerics;

namespace CameraMonitor.Application.Rollout.Routing;

/// <summary>
/// The part of SHA-256 the targeting filter's bucketing reads (the first four bytes of the digest), computed in managed
/// code over a caller's stack buffer. The platform's SHA-256 (OpenSSL on Linux) pays a native call and context set-up
/// per hash that is most of a microsecond for the 20–60 bytes of a client key; one or two compression rounds here
/// cost a fraction of that. The equivalence test holds it to the library's own evaluation over 100,000 keys.
/// </summary>
internal static class TargetingHash
{
    /// <summary>Room the message needs after its bytes for the padding and the length.</summary>
    public const int PaddingRoom = 64 + 8;

    private static ReadOnlySpan<uint> RoundConstants =>
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    /// <summary>
    /// The first four bytes of SHA-256 of <c>buffer[..length]</c>, read as a little-endian uint (what the filter scales).
    /// <paramref name="buffer"/> must hold <see cref="PaddingRoom"/> bytes past the message; they are overwritten.
    /// </summary>
    public static uint FirstWord(Span<byte> buffer, int length)
    {
        var total = (length + 1 + 8 + 63) & ~63;
        buffer[length] = 0x80;
        buffer[(length + 1)..(total - 8)].Clear();
        BinaryPrimitives.WriteUInt64BigEndian(buffer[(total - 8)..], (ulong)length * 8);

        Span<uint> state = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
        Span<uint> schedule = stackalloc uint[64];
        for (var block = 0; block < total; block += 64)
        {
            Compress(state, schedule, buffer.Slice(block, 64));
        }

        // The digest is big-endian: its first four bytes are state[0]'s, and the filter reads them little-endian.
        return BinaryPrimitives.ReverseEndianness(state[0]);
    }

    private static void Compress(Span<uint> state, Span<uint> w, ReadOnlySpan<byte> block)
    {
        for (var i = 0; i < 16; i++)
        {
            w[i] = BinaryPrimitives.ReadUInt32BigEndian(block[(i * 4)..]);
        }

        for (var i = 16; i < 64; i++)
        {
            var s0 = BitOperations.RotateRight(w[i - 15], 7) ^ BitOperations.RotateRight(w[i - 15], 18) ^ (w[i - 15] >> 3);
            var s1 = BitOperations.RotateRight(w[i - 2], 17) ^ BitOperations.RotateRight(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }

        uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
        var k = RoundConstants;
        for (var i = 0; i < 64; i++)
        {
            var t1 = h + (BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25))
                     + ((e & f) ^ (~e & g)) + k[i] + w[i];
            var t2 = (BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22))
                     + ((a & b) ^ (a & c) ^ (b & c));
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }

        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }
}
