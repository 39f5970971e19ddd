namespace ParIndex.Core.Frameworks;

/// <summary>
/// The machine codes of <see cref="FrameworkProblem"/>. They are part of the exchange contract
/// (documented in docs/framework-json.md): clients may switch on them, so never rename one.
/// </summary>
public static class FrameworkProblemCodes
{
    // Framework as a whole
    public const string FrameworkMaxNotPositive = "framework-max-not-positive";
    public const string BlockCodeMissing = "block-code-missing";
    public const string NullEntry = "null-entry";

    // Nodes
    public const string CodeFormat = "code-format";
    public const string DuplicateCode = "duplicate-code";
    public const string TitleMissing = "title-missing";
    public const string NegativeMax = "negative-max";
    public const string ChildrenExceedParent = "children-exceed-parent";
    public const string ChildrenBelowParent = "children-below-parent";
    public const string GroupWithMethod = "group-with-method";
    public const string GroupWithoutChildren = "group-without-children";
    public const string LeafWithChildren = "leaf-with-children";
    public const string LeafWithoutMethod = "leaf-without-method";
    public const string BonusPenaltyWithoutMethod = "bonus-penalty-without-method";

    // Scoring methods
    public const string StepNotPositive = "step-not-positive";
    public const string MaxNotMultipleOfStep = "max-not-multiple-of-step";
    public const string RubricWithoutLevels = "rubric-without-levels";
    public const string RubricLevelCodeMissing = "rubric-level-code-missing";
    public const string RubricDuplicateLevel = "rubric-duplicate-level";
    public const string RubricLevelExceedsMax = "rubric-level-exceeds-max";
    public const string RubricLevelNegative = "rubric-level-negative";
    public const string ThresholdMissing = "threshold-missing";
    public const string ThresholdNotPositive = "threshold-not-positive";
    public const string BracketsMissing = "brackets-missing";
    public const string BracketInverted = "bracket-inverted";
    public const string BracketPointsExceedMax = "bracket-points-exceed-max";
    public const string BracketPointsNegative = "bracket-points-negative";
    public const string OverlappingBrackets = "overlapping-brackets";
    public const string UnknownMetric = "unknown-metric";
    public const string UnknownSurvey = "unknown-survey";
    public const string MetricNeedsBrackets = "metric-needs-brackets";

    // Class bands
    public const string ClassesEmpty = "classes-empty";
    public const string DuplicateClassCode = "duplicate-class-code";
    public const string BandInverted = "band-inverted";
    public const string BandsOutOfOrder = "bands-out-of-order";
    public const string OverlappingBands = "overlapping-bands";
    public const string BandGap = "band-gap";

    // Reward and discipline rules
    public const string DuplicateRuleCode = "duplicate-rule-code";
    public const string EmptyRule = "empty-rule";
    public const string EmptyCondition = "empty-condition";
    public const string ContradictoryCondition = "contradictory-condition";
    public const string UnknownClassInRule = "unknown-class-in-rule";
    public const string BadFraction = "bad-fraction";

    // Crosswalk and cloning
    public const string CrosswalkUnknownCode = "crosswalk-unknown-code";
    public const string CrosswalkEmptyTarget = "crosswalk-empty-target";
    public const string CodeMapUnknownCode = "code-map-unknown-code";

    // Reading JSON
    public const string JsonSyntax = "json-syntax";
    public const string JsonWrongType = "json-wrong-type";
    public const string JsonNull = "json-null";
    public const string JsonMissingProperty = "json-missing-property";
    public const string JsonUnknownProperty = "json-unknown-property";
    public const string JsonDuplicateProperty = "json-duplicate-property";
    public const string JsonMissingType = "json-missing-type";
    public const string JsonUnknownType = "json-unknown-type";
    public const string JsonInvalid = "json-invalid";
}
