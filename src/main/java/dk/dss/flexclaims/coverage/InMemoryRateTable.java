package dk.dss.flexclaims.coverage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link RateTable} held in memory; fill it with {@code with...} calls (rate valid from a date
 * on).
 */
public final class InMemoryRateTable implements RateTable {

  private final NavigableMap<LocalDate, BigDecimal> physioFullFee = new TreeMap<>();
  private final NavigableMap<LocalDate, BigDecimal> chiroPatientShare = new TreeMap<>();
  private final NavigableMap<LocalDate, BigDecimal> osteoFirst = new TreeMap<>();
  private final NavigableMap<LocalDate, BigDecimal> osteoLater = new TreeMap<>();
  private final Map<Cover, NavigableMap<LocalDate, BigDecimal>> networkPrices =
      new EnumMap<>(Cover.class);
  private final Map<Cover, NavigableMap<LocalDate, BigDecimal>> danmarkSubsidies =
      new EnumMap<>(Cover.class);

  public InMemoryRateTable withDanmarkSubsidy(Cover cover, LocalDate validFrom, BigDecimal amount) {
    danmarkSubsidies.computeIfAbsent(cover, c -> new TreeMap<>()).put(validFrom, amount);
    return this;
  }

  public InMemoryRateTable withPhysioFullFee(LocalDate validFrom, BigDecimal amount) {
    physioFullFee.put(validFrom, amount);
    return this;
  }

  public InMemoryRateTable withChiroPatientShare(LocalDate validFrom, BigDecimal amount) {
    chiroPatientShare.put(validFrom, amount);
    return this;
  }

  /** PAY_OSTEO_RATE from a date on: the first treatment in a claim, and each later one. */
  public InMemoryRateTable withOsteoRates(LocalDate validFrom, BigDecimal first, BigDecimal later) {
    osteoFirst.put(validFrom, first);
    osteoLater.put(validFrom, later);
    return this;
  }

  public InMemoryRateTable withNetworkPrice(Cover cover, LocalDate validFrom, BigDecimal amount) {
    networkPrices.computeIfAbsent(cover, c -> new TreeMap<>()).put(validFrom, amount);
    return this;
  }

  @Override
  public Optional<BigDecimal> physioFullFee(LocalDate on) {
    return at(physioFullFee, on);
  }

  @Override
  public Optional<BigDecimal> chiroPatientShare(LocalDate on) {
    return at(chiroPatientShare, on);
  }

  @Override
  public Optional<BigDecimal> osteoRate(boolean firstInClaim, LocalDate on) {
    return at(firstInClaim ? osteoFirst : osteoLater, on);
  }

  @Override
  public Optional<BigDecimal> networkPrice(Cover cover, LocalDate on) {
    return at(networkPrices.getOrDefault(cover, new TreeMap<>()), on);
  }

  @Override
  public Optional<BigDecimal> danmarkSubsidy(Cover cover, LocalDate on) {
    return at(danmarkSubsidies.getOrDefault(cover, new TreeMap<>()), on);
  }

  private static Optional<BigDecimal> at(NavigableMap<LocalDate, BigDecimal> rates, LocalDate on) {
    return Optional.ofNullable(rates.floorEntry(on)).map(Map.Entry::getValue);
  }
}
