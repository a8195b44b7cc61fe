namespace Reports.Core.Schema;

/// <summary>How the two sides of an identity relate.</summary>
public enum IdentityRelation : byte
{
    /// <summary>Σ left = Σ right.</summary>
    Equal = 0,

    /// <summary>Σ left ≤ Σ right.</summary>
    LessOrEqual = 1,

    /// <summary>Σ left ≥ Σ right.</summary>
    GreaterOrEqual = 2,
}
