namespace Reports.Core.Import.Alignment;

/// <summary>
/// The character bigrams of a text (each as <c>first &lt;&lt; 16 | second</c>), in an open-addressing table: a label's
/// coverage asks it once per character, for every row of every table of every edition, so a lookup is one or two probes.
/// </summary>
internal readonly struct BigramSet
{
    // Slots hold bigram + 1 so that 0 marks an empty slot (the bigram of two U+FFFF characters wraps to 0 and is
    // then simply never found, which costs a coverage nothing real).
    private readonly int[] _slots;
    private readonly int _shift;

    private BigramSet(int[] slots, int shift)
    {
        _slots = slots;
        _shift = shift;
    }

    public static BigramSet Of(string text)
    {
        int count = System.Math.Max(0, text.Length - 1);
        int bits = 2;
        while ((1 << bits) < 2 * count)
        {
            bits++;
        }

        var slots = new int[1 << bits];
        var set = new BigramSet(slots, 32 - bits);
        for (int i = 0; i + 1 < text.Length; i++)
        {
            int key = (text[i] << 16 | text[i + 1]) + 1;
            if (key == 0)
            {
                continue;
            }

            int at = set.Slot(key);
            while (slots[at] != 0 && slots[at] != key)
            {
                at = (at + 1) & (slots.Length - 1);
            }

            slots[at] = key;
        }

        return set;
    }

    public bool Contains(int bigram)
    {
        int key = bigram + 1;
        if (_slots is null || key == 0)
        {
            return false;
        }

        for (int at = Slot(key); ; at = (at + 1) & (_slots.Length - 1))
        {
            int slot = _slots[at];
            if (slot == key)
            {
                return true;
            }

            if (slot == 0)
            {
                return false;
            }
        }
    }

    private int Slot(int key) => (int)(((uint)key * 0x9E3779B1u) >> _shift);
}
