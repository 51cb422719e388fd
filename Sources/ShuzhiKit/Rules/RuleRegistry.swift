/// Every rule Shuzhi has, in the order `shuzhi rules` and docs/rules.md list them.
public enum RuleRegistry {
    public static let all: [any Rule] = [
        PlaceholderRule(), TemplateHintRule(), AdvertRule(), ContactRule(),
        HalfwidthPunctuationRule(), UnpairedQuoteRule(), MismatchedQuoteRule(), UnpairedBracketRule(), DoubledPunctuationRule(),
        EllipsisRule(), DashRule(), DunEstimateRule(), DunBetweenQuotesRule(), DunBeforeDengRule(), DunBeforeConjunctionRule(),
        LineStartPunctuationRule(), TitleEndPunctuationRule(),
        NumberingFormRule(), NumberingGapRule(), NumberingDuplicateRule(), NumberingOrderRule(), LevelInversionRule(),
        MixedFormsRule(), HeadingPunctuationRule(),
        DoubledCharacterRule(), RepeatedPhraseRule(), RepeatedSentenceRule(),
        IdiomTypoRule(), CharacterTypoRule(), HomophoneWordRule(), CharacterOrderRule(), MissingCharacterRule(), ConfusableWordRule(),
        StructuralParticleRule(), HomophoneSlotRule(),
        FormulaNameRule(), FormulaMembersRule(), FormulaCollocationRule(), FixedPhraseRule(),
        OutdatedCongressRule(), OutdatedWordingRule(), OutdatedPlanRule(), OutdatedCampaignRule(),
        NumberRangeUnitRule(), ImpossibleValueRule(), MixedNumeralRule(), RedundantBoundRule(), DecreaseTimesRule(),
        TwoDigitYearRule(), FullwidthDigitRule(), InconsistentTotalRule(),
        MissingPartRule(), PartOrderRule(),
    ]

    /// The rules whose findings come from comparing with a corpus store (`CorpusRule`): made by the store's
    /// `CopyDetector`, listed and configured like the others.
    public static let corpus: [any CorpusRule] = [CopiedPassageRule(), OwnWordsRule()]

    public static var descriptions: [RuleDescription] { all.map(\.description) + corpus.map(\.description) }

    public static func rule(_ id: String) -> (any Rule)? { all.first { $0.description.id == id } }
}
