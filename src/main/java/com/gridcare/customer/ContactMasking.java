package com.gridcare.customer;

/** Masks personal contact data for screens and logs: 138****5678. */
public final class ContactMasking {

    private ContactMasking() {
    }

    public static String phone(String phone) {
        if (phone == null) return null;
        var digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() < 7) return "****";
        return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }

    public static String email(String email) {
        if (email == null) return null;
        int at = email.indexOf('@');
        if (at <= 0) return "****";
        return email.charAt(0) + "***" + email.substring(at);
    }

    public static String address(String address) {
        if (address == null) return null;
        return address.length() <= 6 ? "****" : address.substring(0, 6) + "****";
    }
}
