package io.ipsec4j.model.algorithm;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Coverage-guided fuzzing of {@link AlgorithmNames}: for every vendor, reading an arbitrary name
 * either returns a value that the vendor's printed spelling reads back to, or throws
 * {@link IllegalArgumentException}, never anything else. The first byte selects the vendor.
 */
class AlgorithmNamesFuzzTest {

    private static <T> void check(Vendor vendor, String name, BiFunction<Vendor, String, T> read,
            BiFunction<Vendor, T, Optional<String>> print) {
        T value;
        try {
            value = read.apply(vendor, name);
        } catch (IllegalArgumentException expected) {
            return;
        }
        Optional<String> printed = print.apply(vendor, value);
        if (printed.isPresent() && !read.apply(vendor, printed.get()).equals(value)) {
            throw new AssertionError(vendor + " " + name + " read as " + value + ", printed " + printed.get()
                    + " reads differently");
        }
    }

    @FuzzTest(maxDuration = "30s")
    void readAnyName(FuzzedDataProvider data) {
        Vendor vendor = data.pickValue(Vendor.values());
        String name = data.consumeRemainingAsString();
        check(vendor, name, AlgorithmNames::encryption, AlgorithmNames::name);
        check(vendor, name, AlgorithmNames::integrity, AlgorithmNames::name);
        check(vendor, name, AlgorithmNames::prf, AlgorithmNames::name);
        check(vendor, name, AlgorithmNames::keyExchange, AlgorithmNames::name);
        try {
            AlgorithmNames.azurePfsGroup(name, KeyExchangeMethod.MODP_2048);
        } catch (IllegalArgumentException expected) {
            // the only failure allowed
        }
    }
}
