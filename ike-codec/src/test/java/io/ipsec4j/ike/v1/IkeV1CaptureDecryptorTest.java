package io.ipsec4j.ike.v1;

import static io.ipsec4j.ike.v1.IkeV1CaptureSessions.HEX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.ike.v1.IkeV1CaptureResult.Outcome;
import io.ipsec4j.ike.v1.IkeV1CaptureSessions.Session;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.SecretBytes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link IkeV1CaptureDecryptor} on a session built from the RUB-NDS known answers
 * ({@link IkeV1CaptureSessions}): the phase 1 IV of the vector, the chain, quick mode and
 * informational IVs, retransmissions, and every reason a message stays encrypted.
 */
class IkeV1CaptureDecryptorTest {
    private static final Session SESSION = IkeV1CaptureSessions.rubNds();

    private static IkeV1CaptureDecryptor fromTable(String table) throws Exception {
        return IkeV1CaptureDecryptor.fromKeyTable(table, IkeV1CaptureDecryptor.Limits.DEFAULT);
    }

    private static List<IkeV1CaptureResult> feed(IkeV1CaptureDecryptor d, List<byte[]> datagrams) throws Exception {
        List<IkeV1CaptureResult> out = new ArrayList<>();
        for (byte[] datagram : datagrams) {
            out.add(d.handleDatagram(datagram));
        }
        return out;
    }

    private static String payloadsHex(IkeV1CaptureResult r) {
        return IkeV1MessageEncoder.encodePayloadsToBytes(r.message().payloads()).toHex();
    }

    @Test
    void decryptsEveryMessageOfTheSessionGivenOnlyItsKeyTableRow() throws Exception {
        List<IkeV1CaptureResult> results = feed(fromTable(SESSION.keyTable()), SESSION.datagrams());

        for (int i = 0; i < results.size(); i++) {
            IkeV1CaptureResult r = results.get(i);
            assertThat(r.outcome()).as("message %d", i).isEqualTo(SESSION.encrypted().get(i) ? Outcome.DECRYPTED
                    : Outcome.PLAINTEXT);
            assertThat(payloadsHex(r)).as("message %d", i).isEqualTo(HEX.formatHex(SESSION.plaintexts().get(i)));
            assertThat(r.retransmission()).isFalse();
        }
        // the quick mode and informational exchanges decrypted to HASH(1) + Notification
        assertThat(results.get(results.size() - 1).message().header().messageId())
                .isEqualTo(IkeV1CaptureSessions.INFORMATIONAL_ID);
        assertThat(results.get(results.size() - 1).message().payload(IkeV1NotificationPayload.class)).isPresent();
    }

    @Test
    void readsTheRowAsStrongSwanAndIkeV1WiresharkKeysWriteIt() throws Exception {
        String row = IkeV1WiresharkKeys.ikev1DecryptionRowWithKeys(SESSION.initiatorCookie(),
                SecretBytes.of(HEX.parseHex(SESSION.key())));

        List<IkeV1CaptureResult> results = feed(fromTable(row + "\n"), SESSION.datagrams());

        assertThat(results).extracting(IkeV1CaptureResult::outcome).containsOnly(Outcome.PLAINTEXT, Outcome.DECRYPTED);
    }

    @Test
    void aRetransmissionDecryptsWithTheIvOfItsFirstCopyAndDoesNotAdvanceTheChain() throws Exception {
        List<byte[]> d = SESSION.datagrams();
        // main mode 5 twice, main mode 6 again after quick mode 1, quick mode 2 twice, main mode 4 again
        List<byte[]> replayed = List.of(d.get(0), d.get(1), d.get(2), d.get(3), d.get(4), d.get(4), d.get(5),
                d.get(6), d.get(5), d.get(7), d.get(7), d.get(3), d.get(8), d.get(9));

        List<IkeV1CaptureResult> results = feed(fromTable(SESSION.keyTable()), replayed);

        assertThat(results).extracting(IkeV1CaptureResult::outcome).containsOnly(Outcome.PLAINTEXT, Outcome.DECRYPTED);
        assertThat(results).extracting(IkeV1CaptureResult::retransmission).containsExactly(false, false, false, false,
                false, true, false, false, true, false, true, false, false, false);
        assertThat(payloadsHex(results.get(5))).isEqualTo(payloadsHex(results.get(4)));
        assertThat(payloadsHex(results.get(13))).isEqualTo(HEX.formatHex(SESSION.plaintexts().get(9)));
    }

    @Test
    void withoutARowForTheCookieEncryptedMessagesHaveNoKey() throws Exception {
        String otherCookie = "\"0102030405060708\",\"" + SESSION.key() + "\"";

        List<IkeV1CaptureResult> results = feed(fromTable(otherCookie), SESSION.datagrams());

        assertThat(results.subList(4, results.size())).extracting(IkeV1CaptureResult::outcome)
                .containsOnly(Outcome.NO_KEY);
        assertThat(results.get(4).message().header().encrypted()).isTrue();
    }

    @Test
    void withoutTheKePayloadsThePhase1IvIsUnknown() throws Exception {
        List<byte[]> d = new ArrayList<>(SESSION.datagrams());
        d.remove(3);

        List<IkeV1CaptureResult> results = feed(fromTable(SESSION.keyTable()), d);

        assertThat(results.subList(3, results.size())).extracting(IkeV1CaptureResult::outcome)
                .containsOnly(Outcome.NO_KEY_EXCHANGE);
    }

    @Test
    void aWrongKeyOrACutCiphertextIsTheOneIntegrityFailureAndLeavesTheChain() throws Exception {
        String wrongKey = "7116900aa5c2880d," + "00".repeat(16);
        assertThat(feed(fromTable(wrongKey), SESSION.datagrams()).get(4).outcome())
                .isEqualTo(Outcome.INTEGRITY_CHECK_FAILED);

        IkeV1Message mm5 = IkeV1Codec.decode(SESSION.datagrams().get(4));
        Bytes c = mm5.ciphertext();
        byte[] cut = IkeV1MessageEncoder.encodeToBytes(IkeV1Message.encrypted(mm5.header(), mm5.firstPayloadType(),
                c.slice(0, c.length() - 1))).toByteArray();
        List<byte[]> d = new ArrayList<>(SESSION.datagrams());
        d.add(4, cut);
        List<IkeV1CaptureResult> results = feed(fromTable(SESSION.keyTable()), d);
        assertThat(results.get(4).outcome()).isEqualTo(Outcome.INTEGRITY_CHECK_FAILED);
        assertThat(results.subList(5, results.size())).extracting(IkeV1CaptureResult::outcome)
                .containsOnly(Outcome.DECRYPTED);
    }

    @Test
    void aKeyOfAnotherLengthThanTheCipherIsAMismatch() throws Exception {
        String aes256Key = "7116900aa5c2880d," + "11".repeat(32);

        assertThat(feed(fromTable(aes256Key), SESSION.datagrams()).get(4).outcome())
                .isEqualTo(Outcome.KEY_LENGTH_MISMATCH);
    }

    @Test
    void aCipherThisCodecDoesNotHaveIsUnsupported() throws Exception {
        // the chosen transform says DES (Encryption Algorithm 1) instead of AES (7)
        List<byte[]> d = new ArrayList<>(SESSION.datagrams());
        for (int i = 0; i < 2; i++) {
            String hex = HEX.formatHex(d.get(i));
            d.set(i, HEX.parseHex(hex.replace("80010007", "80010001")));
        }

        assertThat(feed(fromTable(SESSION.keyTable()), d).get(4).outcome()).isEqualTo(Outcome.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void beyondMaxSasTheLeastRecentlyUsedSaIsForgotten() throws Exception {
        long otherCookie = 0x0102030405060708L;
        IkeV1CaptureDecryptor d = new IkeV1CaptureDecryptor(Map.of(SESSION.initiatorCookie(),
                SecretBytes.of(HEX.parseHex(SESSION.key())), otherCookie, SecretBytes.of(new byte[16])),
                new IkeV1CaptureDecryptor.Limits(1, 1, 1));
        feed(d, SESSION.datagrams().subList(0, 4));
        byte[] other = SESSION.datagrams().get(0).clone();
        System.arraycopy(HEX.parseHex("0102030405060708"), 0, other, 0, 8);

        assertThat(d.handleDatagram(other).outcome()).isEqualTo(Outcome.PLAINTEXT);
        assertThat(d.trackedSas()).isEqualTo(1);
        assertThat(d.handleDatagram(SESSION.datagrams().get(4)).outcome()).isEqualTo(Outcome.NO_KEY_EXCHANGE);
    }

    @Test
    void limitsAreChecked() {
        assertThatThrownBy(() -> new IkeV1CaptureDecryptor.Limits(0, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxSas: 0");
        assertThatThrownBy(() -> new IkeV1CaptureDecryptor.Limits(1, IkeV1CaptureDecryptor.Limits.MAX + 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxExchangesPerSa");
    }

    @Test
    void aDatagramThatIsNoIsakmpMessageIsTheDecodersTypedError() throws Exception {
        IkeV1CaptureDecryptor d = fromTable(SESSION.keyTable());

        assertThatThrownBy(() -> d.handleDatagram(Arrays.copyOf(SESSION.datagrams().get(4), 20)))
                .isInstanceOf(IkeV1PayloadMalformedException.class);
    }

    @Test
    void toStringShowsNoKey() throws Exception {
        IkeV1CaptureDecryptor d = fromTable(SESSION.keyTable());
        feed(d, SESSION.datagrams());

        assertThat(d.toString()).doesNotContain(SESSION.key()).contains("1 key(s)", "1 SA(s)");
    }
}
