-- DRG analytics (issue #6 item 5): the cases of drg_case summed per institution, discharge month,
-- department, attending doctor, DRG and grouping status. Every measure is an additive sum (a count
-- or a total), so any period, department, doctor or DRG is answered by summing cube rows, and every
-- indicator (CMI, consumption indices, risk-group mortality, outlier share, profit/loss) is a ratio
-- of two sums. The consumption indices are additive per case: Σ_i n_i·(c_i/C̄_i) = Σ over cases of
-- cost/C̄_drg. Rebuilt per institution from drg_case (DrgAnalytics.rebuild) when its cases were
-- repriced; never written otherwise. Runs on PostgreSQL 15+ and H2.
-- Three grains of the same sums, so that a query reads the coarsest rows that still carry what it
-- needs: D per doctor (the detail), P per department (attending_doctor ''), H per hospital
-- (department and attending_doctor ''). Each keeps the DRG, whose distinct count is not additive.
CREATE TABLE drg_cube (
    grain              VARCHAR(1)    NOT NULL,   -- D doctor | P department | H hospital
    institution_id     BIGINT        NOT NULL REFERENCES institution (id),
    discharge_month    VARCHAR(7)    NOT NULL,   -- yyyy-MM; cases without a discharge time are in no period
    department         VARCHAR(64)   NOT NULL,   -- 出院科别 as imported ('' at grain H)
    attending_doctor   VARCHAR(64)   NOT NULL,   -- 主诊医师 as imported ('' at grains P and H)
    drg                VARCHAR(8)    NOT NULL,   -- '' when not grouped
    group_status       VARCHAR(16)   NOT NULL,   -- ok | ambiguous | ungroupable | invalid
    cases              BIGINT        NOT NULL,   -- all cases (出院病例)
    eligible           BIGINT        NOT NULL,   -- 参与分组: status not invalid and LOS ≤ 60 days (D01 denominator)
    eligible_grouped   BIGINT        NOT NULL,   -- of those, grouped (D01 numerator)
    grouped            BIGINT        NOT NULL,   -- 入组病例 (status ok)
    deaths             BIGINT        NOT NULL,   -- 离院方式 5, all cases
    weighted           BIGINT        NOT NULL,   -- grouped cases with a weight (CMI denominator)
    rw_sum             NUMERIC(18, 4) NOT NULL,  -- Σ RW (总权重数)
    cost_cases         BIGINT        NOT NULL,   -- cases with a total cost
    cost_sum           NUMERIC(18, 2) NOT NULL,  -- Σ total cost
    los_cases          BIGINT        NOT NULL,   -- cases with a length of stay
    los_sum            BIGINT        NOT NULL,   -- Σ LOS (days)
    cost_ratio_cases   BIGINT        NOT NULL,   -- grouped cases with a cost and a benchmark cost
    cost_ratio_sum     DOUBLE PRECISION NOT NULL, -- Σ cost / benchmark cost (费用消耗指数 numerator)
    los_ratio_cases    BIGINT        NOT NULL,   -- grouped cases with a LOS and a benchmark LOS
    los_ratio_sum      DOUBLE PRECISION NOT NULL, -- Σ LOS / benchmark LOS (时间消耗指数 numerator)
    risk1_cases        BIGINT        NOT NULL,   -- grouped cases in 低风险 DRGs
    risk1_deaths       BIGINT        NOT NULL,
    risk2_cases        BIGINT        NOT NULL,   -- grouped cases in 中低风险 DRGs
    risk2_deaths       BIGINT        NOT NULL,
    priced             BIGINT        NOT NULL,   -- cases with an outlier verdict (NORMAL/HIGH/LOW)
    high_outliers      BIGINT        NOT NULL,   -- 高倍率
    low_outliers       BIGINT        NOT NULL,   -- 低倍率
    paid_cases         BIGINT        NOT NULL,   -- cases with an expected payment
    paid_cost_sum      NUMERIC(18, 2) NOT NULL,  -- Σ total cost of those cases
    expected_payment_sum NUMERIC(18, 2) NOT NULL, -- Σ 支付标准
    profit_loss_sum    NUMERIC(18, 2) NOT NULL,  -- Σ 盈亏
    CONSTRAINT drg_cube_key PRIMARY KEY (institution_id, grain, discharge_month, department, attending_doctor, drg, group_status)
);
CREATE INDEX drg_cube_department ON drg_cube (institution_id, grain, department, attending_doctor, discharge_month);

-- When each institution's cube was last rebuilt, from how many cases. The row is also the lock
-- that keeps two rebuilds of one institution from interleaving (SELECT … FOR UPDATE).
CREATE TABLE drg_cube_build (
    institution_id  BIGINT        PRIMARY KEY REFERENCES institution (id),
    built_at        TIMESTAMP WITH TIME ZONE,
    case_count      BIGINT        NOT NULL DEFAULT 0,   -- cases with a discharge month (in the cube)
    first_month     VARCHAR(7),                         -- the cube's discharge months, for the period choice
    last_month      VARCHAR(7),
    cube_rows       BIGINT        NOT NULL DEFAULT 0,
    millis          BIGINT        NOT NULL DEFAULT 0
);
