package org.openhqd.quality;

import java.util.function.Function;

/**
 * The rule types implemented in Java. A rule file instantiates them with parameters, so a new rule
 * that fits a type is a new line of data. Parameters are documented on each implementation and in
 * the module README.
 */
enum RuleType {
    REQUIRED(RequiredCheck::new),
    PATTERN(PatternCheck::new),
    VALUE_SET(ValueSetCheck::new),
    RANGE(RangeCheck::new),
    DATETIME(DateTimeCheck::new),
    DATE_ORDER(DateOrderCheck::new),
    LOS_MATCHES_DATES(LosMatchesDatesCheck::new),
    COST_BREAKDOWN_SUM(CostBreakdownSumCheck::new),
    NOT_GREATER_THAN(NotGreaterThanCheck::new),
    ID_NUMBER_CHECKSUM(IdNumberChecksumCheck::new),
    CODE_IN_DICTIONARY(CodeInDictionaryCheck::new),
    CODE_MAPPED(CodeMappedCheck::new),
    NAME_MATCHES_CODE(NameMatchesCodeCheck::new),
    SEX_SPECIFIC(SexSpecificCheck::new),
    AGE_RANGE(AgeRangeCheck::new),
    NEWBORN_FIELDS(NewbornFieldsCheck::new),
    DEATH_DISCHARGE_CONSISTENCY(DeathDischargeConsistencyCheck::new),
    DUPLICATE_CODES(DuplicateCodesCheck::new),
    CODE_REQUIRES_CODE(CodeRequiresCodeCheck::new),
    OPERATION_FIELD_REQUIRED(OperationFieldRequiredCheck::new),
    PRINCIPAL_NEEDS_SECONDARY(PrincipalNeedsSecondaryCheck::new),
    PRINCIPAL_NOT_ALLOWED(PrincipalNotAllowedCheck::new),
    SYMPTOM_AS_PRINCIPAL(SymptomAsPrincipalCheck::new),
    CC_EXCLUDED_BY_PRINCIPAL(CcExcludedByPrincipalCheck::new),
    PROCEDURE_WOULD_CHANGE_ADRG(ProcedureWouldChangeAdrgCheck::new),
    GROUP_STATUS(GroupStatusCheck::new);

    private final Function<Params, Check> factory;

    RuleType(Function<Params, Check> factory) {
        this.factory = factory;
    }

    /** Binds the parameters; every parameter must be one the type reads. */
    Check compile(Params params) {
        Check check = factory.apply(params);
        params.requireAllRead();
        return check;
    }
}
