package org.formularium.security;

/** An account change the rules do not allow; {@link Reason#messageKey()} is the translated explanation. */
public class AccountRejectedException extends RuntimeException {

    public enum Reason {
        PASSWORD_TOO_SHORT("account.error.passwordTooShort"),
        PASSWORD_TOO_COMMON("account.error.passwordTooCommon"),
        PASSWORD_CONTAINS_USERNAME("account.error.passwordContainsUsername"),
        PASSWORD_UNCHANGED("account.error.passwordUnchanged"),
        CURRENT_PASSWORD_WRONG("account.error.currentPasswordWrong"),
        USERNAME_INVALID("account.error.usernameInvalid"),
        USERNAME_TAKEN("account.error.usernameTaken"),
        NAME_REQUIRED("account.error.nameRequired"),
        EMAIL_INVALID("account.error.emailInvalid"),
        ROLE_REQUIRED("account.error.roleRequired"),
        UNKNOWN_USER("account.error.unknownUser"),
        USER_REFERENCED("account.error.userReferenced"),
        LAST_ADMIN("account.error.lastAdmin"),
        SELF("account.error.self");

        private final String messageKey;

        Reason(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private final Reason reason;

    public AccountRejectedException(Reason reason) {
        super(reason.name());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** True for the reasons that concern a password (shown on the password field). */
    public boolean aboutPassword() {
        return reason.name().startsWith("PASSWORD_") || reason == Reason.CURRENT_PASSWORD_WRONG;
    }
}
