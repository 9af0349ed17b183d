package io.coldtrace.simulator.provision;

/**
 * Provisioning stopped: {@code getMessage()} says what failed (for an API answer: the request, HTTP status and JSON
 * body), {@link #hint()} what to check. {@link #status()} is the HTTP status, 0 when there was no answer.
 */
public final class ProvisionException extends Exception {
    private final int status;
    private final String hint;

    public ProvisionException(String message, int status, String hint) {
        super(message);
        this.status = status;
        this.hint = hint;
    }

    public int status() {
        return status;
    }

    public String hint() {
        return hint;
    }
}
