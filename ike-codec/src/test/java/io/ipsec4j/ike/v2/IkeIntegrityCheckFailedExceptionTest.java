package io.ipsec4j.ike.v2;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.ike.IkeDiscardException;
import io.ipsec4j.ike.IkeProtocolException;
import io.ipsec4j.ike.v2.IkeFragmentRejectedException.Reason;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Failures that must be discarded silently carry no error type, so that a generic handler of
 * {@link IkeProtocolException} cannot answer a forged packet with a Notify (RFC 7296 §2.21).
 */
class IkeIntegrityCheckFailedExceptionTest {
    private static final List<String> NOTIFY_ACCESSORS = List.of("errorType", "errorData", "isIntegrityProtected",
            "toNotifyPayload", "notifyType");

    private static List<String> publicMethods(Class<?> type) {
        return Arrays.stream(type.getMethods()).map(Method::getName).toList();
    }

    @Test
    void anIntegrityFailureIsADiscardWithoutAnErrorType() {
        IkeIntegrityCheckFailedException e = new IkeIntegrityCheckFailedException();
        assertThat(e).isInstanceOf(IkeDiscardException.class).isInstanceOf(IkeProtocolException.class)
                .hasMessage("encrypted payload failed its integrity check");
        assertThat(publicMethods(IkeIntegrityCheckFailedException.class)).doesNotContainAnyElementsOf(NOTIFY_ACCESSORS);
    }

    @Test
    void aRejectedFragmentIsADiscardWithoutAnErrorType() {
        IkeFragmentRejectedException e = new IkeFragmentRejectedException(Reason.INCONSISTENT, "fragment header");
        assertThat(e).isInstanceOf(IkeDiscardException.class);
        assertThat(publicMethods(IkeFragmentRejectedException.class)).doesNotContainAnyElementsOf(NOTIFY_ACCESSORS);
    }

    @Test
    void theRootThatDecodersThrowOffersNoErrorTypeToAnswerWith() {
        assertThat(publicMethods(IkeProtocolException.class)).doesNotContainAnyElementsOf(NOTIFY_ACCESSORS);
        assertThat(new InvalidSyntaxException("length")).isNotInstanceOf(IkeDiscardException.class);
    }
}
