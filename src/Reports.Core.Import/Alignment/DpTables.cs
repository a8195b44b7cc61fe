using System.Buffers;

namespace Reports.Core.Import.Alignment;

/// <summary>
/// The alignment's DP tables (score, step, width, soft and run flags per state), kept per thread for the tables of
/// ordinary size: an import aligns every table against every edition, and renting five arrays from the shared pool
/// each time cost more than the DP of a small table. Tables beyond <see cref="KeptSize"/> states are rented and given
/// back, so a huge region does not pin its memory to the thread. Their contents are garbage on rent, as the pool's are.
/// </summary>
internal sealed class DpTables
{
    /// <summary>States up to which a thread keeps its tables (12 bytes a state: 3 MB at most; a table of 100 rows and 500 cells has 50,000).</summary>
    private const int KeptSize = 1 << 18;

    [System.ThreadStatic]
    private static DpTables? s_kept;

    private readonly bool _pooled;

    private DpTables(int size, bool pooled)
    {
        _pooled = pooled;
        F = pooled ? ArrayPool<double>.Shared.Rent(size) : new double[size];
        How = pooled ? ArrayPool<byte>.Shared.Rent(size) : new byte[size];
        Width = pooled ? ArrayPool<byte>.Shared.Rent(size) : new byte[size];
        Soft = pooled ? ArrayPool<bool>.Shared.Rent(size) : new bool[size];
        RunAt = pooled ? ArrayPool<bool>.Shared.Rent(size) : new bool[size];
    }

    public double[] F { get; }

    public byte[] How { get; }

    public byte[] Width { get; }

    public bool[] Soft { get; }

    public bool[] RunAt { get; }

    /// <summary>Tables of at least <paramref name="size"/> states; give them back with <see cref="Return"/>.</summary>
    public static DpTables Rent(int size)
    {
        if (size > KeptSize)
        {
            return new DpTables(size, pooled: true);
        }

        DpTables? kept = s_kept;
        if (kept is null || kept.F.Length < size)
        {
            // Grown in powers of two, so a thread reaches its largest size in a few steps.
            int length = 256;
            while (length < size)
            {
                length *= 2;
            }

            kept = new DpTables(length, pooled: false);
        }

        s_kept = null; // taken: an alignment begun inside this one (there is none today) would get tables of its own
        return kept;
    }

    /// <summary>Gives the tables back: kept by the thread, or returned to the pool.</summary>
    public void Return()
    {
        if (_pooled)
        {
            ArrayPool<double>.Shared.Return(F);
            ArrayPool<byte>.Shared.Return(How);
            ArrayPool<byte>.Shared.Return(Width);
            ArrayPool<bool>.Shared.Return(Soft);
            ArrayPool<bool>.Shared.Return(RunAt);
        }
        else
        {
            s_kept = this;
        }
    }
}
