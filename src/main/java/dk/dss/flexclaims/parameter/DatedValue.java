package dk.dss.flexclaims.parameter;

import dk.dss.flexclaims.coverage.Cover;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One dated value of a parameter or rate, as stored.
 *
 * @param cover the cover of a rate given per cover, else null
 * @param value the stored form ({@code 10}, {@code PT3H}, {@code 650.00})
 * @param changedBy who set it (a user, or the migration that seeded it; null for rates the earlier
 *     migrations seeded)
 * @param changedAt when it was set (null like {@code changedBy})
 */
public record DatedValue(
    Parameter parameter,
    Cover cover,
    LocalDate validFrom,
    String value,
    String note,
    String changedBy,
    OffsetDateTime changedAt) {}
