using System.Text.Json.Serialization;

namespace ParIndex.Core.Frameworks;

public enum OutcomeKind
{
    /// <summary>Eligibility to be proposed for a reward (khen thưởng).</summary>
    Reward,
    /// <summary>The unit's head is to be reviewed for discipline (xem xét xử lý).</summary>
    Discipline,
}

/// <summary>
/// A reward or discipline rule as data: it applies when any clause holds, and a clause holds when all
/// its conditions do. The evaluation reports the clause and conditions that decided it.
/// </summary>
public sealed record OutcomeRule
{
    public required string Code { get; init; }
    public required OutcomeKind Kind { get; init; }
    public required string TitleVi { get; init; }
    public string? TitleEn { get; init; }
    public required IReadOnlyList<RuleClause> AnyOf { get; init; }

    /// <summary>
    /// HCMC Decision 4000/QĐ-UBND (2021): a reward only for class Tốt within the top third of the block;
    /// discipline review for class Khá or below two years running with a rank drop, or class Trung bình
    /// (or lower) in the year.
    /// </summary>
    public static IReadOnlyList<OutcomeRule> HcmcDefault { get; } =
    [
        new()
        {
            Code = "reward", Kind = OutcomeKind.Reward,
            TitleVi = "Đề nghị khen thưởng", TitleEn = "Reward proposal",
            AnyOf =
            [
                new()
                {
                    DescriptionVi = "Xếp loại Tốt và thuộc 1/3 số cơ quan có điểm cao nhất của Khối",
                    DescriptionEn = "Class Good and within the top third of the block",
                    AllOf = [new ClassCondition { AtLeast = "tot" }, new TopFractionCondition { Numerator = 1, Denominator = 3 }],
                },
            ],
        },
        new()
        {
            Code = "discipline", Kind = OutcomeKind.Discipline,
            TitleVi = "Xem xét xử lý trách nhiệm người đứng đầu", TitleEn = "Review of the head's responsibility",
            AnyOf =
            [
                new()
                {
                    DescriptionVi = "02 năm liên tục xếp loại Khá trở xuống và bị tụt hạng trong Khối",
                    DescriptionEn = "Class Fair or below two years running and a drop in rank within the block",
                    AllOf =
                    [
                        new ClassCondition { AtMost = "kha" },
                        new ClassCondition { AtMost = "kha", Year = RuleYear.Previous },
                        new RankDroppedCondition(),
                    ],
                },
                new()
                {
                    DescriptionVi = "Trong năm đánh giá bị xếp loại Trung bình trở xuống",
                    DescriptionEn = "Class Average or below in the year",
                    AllOf = [new ClassCondition { AtMost = "trung-binh" }],
                },
            ],
        },
    ];
}

public sealed record RuleClause
{
    public required string DescriptionVi { get; init; }
    public string? DescriptionEn { get; init; }
    public required IReadOnlyList<RuleCondition> AllOf { get; init; }
}

public enum RuleYear
{
    Current,
    Previous,
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ClassCondition), "class")]
[JsonDerivedType(typeof(TopFractionCondition), "topFraction")]
[JsonDerivedType(typeof(RankDroppedCondition), "rankDropped")]
[JsonDerivedType(typeof(IndexCondition), "index")]
public abstract record RuleCondition;

/// <summary>
/// The unit's class in the year (or the previous year) is at least / at most a band, by band order
/// (best first). A previous-year condition fails when there is no previous class.
/// </summary>
public sealed record ClassCondition : RuleCondition
{
    public RuleYear Year { get; init; } = RuleYear.Current;
    public string? AtLeast { get; init; }
    public string? AtMost { get; init; }
}

/// <summary>Rank within the top Numerator/Denominator of the block: rank × Denominator ≤ units × Numerator.</summary>
public sealed record TopFractionCondition : RuleCondition
{
    public required int Numerator { get; init; }
    public required int Denominator { get; init; }
}

/// <summary>The rank in the block is worse (a larger number) than the previous year's rank; fails when there is no previous rank.</summary>
public sealed record RankDroppedCondition : RuleCondition;

/// <summary>The index lies in [AtLeast, Below).</summary>
public sealed record IndexCondition : RuleCondition
{
    public decimal? AtLeast { get; init; }
    public decimal? Below { get; init; }
}
