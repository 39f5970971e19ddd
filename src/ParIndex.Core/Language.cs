namespace ParIndex.Core;

/// <summary>The two languages the product speaks; Vietnamese is the default everywhere.</summary>
public enum Language
{
    Vi,
    En,
}
