package org.openhqd.platform.community;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.stereotype.Service;

/**
 * The bundled-payment simulation for a caller: gathers the year's settings, the settlement sums and
 * the members, runs {@link BundledPaymentSimulation} and cuts the result to what the caller may see.
 */
@Service
public class BundledPayment {

    private final PaymentSettingsStore settings;
    private final Settlements settlements;
    private final CommunityMembers members;
    private final PaymentAccess access;
    private final Clock clock;

    BundledPayment(PaymentSettingsStore settings, Settlements settlements, CommunityMembers members, PaymentAccess access,
                   Clock clock) {
        this.settings = settings;
        this.settlements = settlements;
        this.members = members;
        this.access = access;
        this.clock = clock;
    }

    public PaymentReport report(StaffPrincipal caller, Integer requestedYear) {
        long community = caller.communityId();
        int year = requestedYear != null ? Years.check(requestedYear) : defaultYear(community);
        PaymentSettings s = settings.find(community, year).orElse(null);
        List<CommunityMembers.Member> all = members.of(community);
        Map<Long, CommunityMembers.Member> memberOf = members.memberOf(community);
        PaymentCalculation c = BundledPaymentSimulation.calculate(s, settlements.spend(community, year), all, memberOf);
        if (access.seesWholeCommunity(caller)) {
            return new PaymentReport(year, "WHOLE_COMMUNITY", c.status(), c.problems(), c.steps(), c.keyTotals(), c.distributable(),
                    c.shares(), s, settlements.outsideProviders(community, year, 20));
        }
        var scope = caller.scope();
        java.util.Set<Long> visible = new java.util.HashSet<>();
        all.stream().filter(m -> scope.includes(community, m.path())).forEach(m -> visible.add(m.id()));
        return new PaymentReport(year, "OWN_SHARE", c.status(), c.problems(), c.steps(), c.keyTotals(), c.distributable(),
                c.shares().stream().filter(m -> visible.contains(m.institutionId())).toList(), null, List.of());
    }

    /** The latest year with settings, else with settlements, else last year. */
    public int defaultYear(long community) {
        return settings.latestYear(community).or(() -> settlements.latestYear(community))
                .orElse(LocalDate.now(clock.withZone(Settlements.CHINA)).getYear() - 1);
    }

    /** The community's members (top-level institutions) for the settings form. */
    public List<CommunityMembers.Member> members(StaffPrincipal caller) {
        return members.of(caller.communityId());
    }
}
