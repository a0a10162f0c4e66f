package com.gridcare.demo;

import com.gridcare.kernel.EngineClock;

import com.gridcare.cases.Channel;
import com.gridcare.complaint.ComplaintCategory;
import com.gridcare.customer.Area;
import com.gridcare.customer.CustomerClass;
import com.gridcare.customer.CustomerMasterData;
import com.gridcare.customer.PreferredChannel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo customer base: named archetypes for every tier, flag, segment and offer, and ordinary
 * customers around them. Deterministic, so the README and tests can name customers.
 */
final class DemoCustomers {

    record PastContact(Channel channel, ComplaintCategory category) {}

    record Entry(String id, CustomerMasterData data, double annualKwh, double tariff, double onTimeShare,
            boolean arrears, boolean consumptionJump, List<PastContact> pastContacts) {}

    private DemoCustomers() {
    }

    private static final String[] SURNAMES = {"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang",
            "Zhou", "Wu", "Xu", "Sun", "Hu", "Zhu", "Gao", "Lin", "He", "Guo", "Ma", "Luo", "Liang", "Song",
            "Zheng", "Xie", "Han", "Tang"};

    static List<Entry> catalogue() {
        var today = LocalDate.now(com.gridcare.kernel.EngineClock.ZONE);
        var list = new ArrayList<Entry>();
        var channels = PreferredChannel.values();
        var areas = Area.values();
        for (int i = 1; i <= 26; i++) {
            var id = "R-%04d".formatted(i);
            var start = today.minusYears(1 + (i * 7L) % 15).minusMonths(i % 12);
            boolean priorityCare = i == 2 || i == 5;
            boolean green = i == 4 || i == 9 || i == 18;
            double kwh = 2400 + (i * 377) % 4200;
            double onTime = i == 3 || i == 6 ? 1.0 : 0.9;
            var contacts = new ArrayList<PastContact>();
            if (i == 1) { // PRICE_SENSITIVE: two billing complaints this year
                contacts.add(new PastContact(Channel.HOTLINE, ComplaintCategory.BILLING));
                contacts.add(new PastContact(Channel.WEB, ComplaintCategory.BILLING));
            }
            if (i == 7 || i == 12) { // DIGITAL: every contact by app or web
                contacts.add(new PastContact(Channel.APP, ComplaintCategory.OTHER));
                contacts.add(new PastContact(Channel.WEB, ComplaintCategory.METER));
                contacts.add(new PastContact(Channel.APP, ComplaintCategory.BILLING));
            }
            if (i == 3) start = today.minusYears(6);   // LOYALTY_5Y
            if (i == 6) start = today.minusYears(12);  // LOYALTY_10Y
            if (i == 25) start = today.minusMonths(2); // NEW_CUSTOMER
            list.add(new Entry(id, data(SURNAMES[i - 1] + " household", CustomerClass.RESIDENTIAL, "0.22", "8", start,
                    null, false, priorityCare, green, areas[i % 3], channels[i % channels.length], i),
                    kwh, 0.55, onTime, i == 10, i == 15, contacts));
        }
        list.add(business("C-0001", "Riverside Shopping Mall", CustomerClass.COMMERCIAL, "10", "800", 2_300_000, false, false, 3));
        list.add(business("C-0002", "Harbour Hotel", CustomerClass.COMMERCIAL, "10", "250", 600_000, false, false, 0));
        list.add(business("C-0003", "Metro Office Tower", CustomerClass.COMMERCIAL, "10", "400", 700_000, false, false, 5));
        list.add(business("C-0004", "Corner Bakery", CustomerClass.COMMERCIAL, "0.4", "30", 45_000, false, false, 0));
        list.add(business("C-0005", "Eastlake Data Centre", CustomerClass.COMMERCIAL, "35", "6300", 28_000_000, true, false, 5));
        list.add(business("C-0006", "Green Leaf Supermarket", CustomerClass.COMMERCIAL, "0.4", "160", 380_000, false, true, 0));
        for (int i = 7; i <= 12; i++) {
            list.add(business("C-%04d".formatted(i), "Street shop no. " + i, CustomerClass.COMMERCIAL, "0.4",
                    String.valueOf(20 + i * 5), 30_000 + i * 4_000, false, i == 9, 0));
        }
        list.add(business("I-0001", "Huadong Steel Works", CustomerClass.INDUSTRIAL, "35", "40000", 180_000_000, false, false, 5));
        list.add(business("I-0002", "Yangtze Chemical Plant", CustomerClass.INDUSTRIAL, "110", "25000", 9_000_000, false, false, 3));
        list.add(business("I-0003", "Precision Castings Ltd", CustomerClass.INDUSTRIAL, "10", "1250", 3_200_000, false, false, 3));
        list.add(business("I-0004", "Textile Mill No. 2", CustomerClass.INDUSTRIAL, "10", "630", 900_000, false, false, 0));
        list.add(business("I-0005", "Solar Glass Factory", CustomerClass.INDUSTRIAL, "10", "2000", 12_500_000, false, true, 5));
        for (int i = 6; i <= 12; i++) {
            list.add(business("I-%04d".formatted(i), "Workshop no. " + i, CustomerClass.INDUSTRIAL, "0.4",
                    String.valueOf(80 + i * 10), 150_000 + i * 20_000, false, false, 0));
        }
        list.add(business("A-0001", "Sunny Valley Greenhouses", CustomerClass.AGRICULTURAL, "10", "500", 1_100_000, false, true, 0));
        for (int i = 2; i <= 5; i++) {
            list.add(business("A-%04d".formatted(i), "Irrigation station no. " + i, CustomerClass.AGRICULTURAL, "0.4",
                    String.valueOf(40 + i * 10), 60_000 + i * 10_000, false, false, 0));
        }
        list.add(business("P-0001", "City People's Hospital", CustomerClass.PUBLIC, "10", "2500", 6_500_000, true, false, 3));
        list.add(business("P-0002", "North Water Works", CustomerClass.PUBLIC, "35", "5000", 15_000_000, true, false, 5));
        list.add(business("P-0003", "No. 5 Primary School", CustomerClass.PUBLIC, "0.4", "200", 150_000, false, true, 0));
        list.add(business("P-0004", "District Library", CustomerClass.PUBLIC, "0.4", "120", 90_000, false, false, 0));
        list.add(business("P-0005", "Street Lighting, Old Town", CustomerClass.PUBLIC, "0.4", "150", 400_000, false, false, 0));
        list.add(business("P-0006", "Fire Station 3", CustomerClass.PUBLIC, "0.4", "100", 70_000, true, false, 0));
        return list;
    }

    private static Entry business(String id, String name, CustomerClass customerClass, String kv, String kva,
            double annualKwh, boolean criticalLoad, boolean green, int contractTermYears) {
        int n = Integer.parseInt(id.substring(2));
        var start = LocalDate.now(com.gridcare.kernel.EngineClock.ZONE).minusYears(2 + (n * 3L) % 14);
        var data = data(name, customerClass, kv, kva, start, contractTermYears == 0 ? null : contractTermYears,
                criticalLoad, false, green, Area.values()[n % 2], PreferredChannel.EMAIL, 100 + n);
        double tariff = switch (customerClass) {
            case COMMERCIAL -> 0.8;
            case INDUSTRIAL -> 0.65;
            case AGRICULTURAL -> 0.5;
            default -> 0.7;
        };
        return new Entry(id, data, annualKwh, tariff, 0.97, false, false, List.of());
    }

    private static CustomerMasterData data(String name, CustomerClass customerClass, String kv, String kva,
            LocalDate contractStart, Integer termYears, boolean criticalLoad, boolean priorityCare, boolean green,
            Area area, PreferredChannel channel, int n) {
        return new CustomerMasterData(name, customerClass, new BigDecimal(kv), new BigDecimal(kva), contractStart,
                termYears, criticalLoad, priorityCare, green, area, channel, "1380013%04d".formatted(n),
                "customer%d@example.cn".formatted(n), "No. %d Zhongshan Road, Nanjing".formatted(n),
                // three feeders, six transformer areas: enough to try outages on the demo
                "F-NJ-10KV-%02d".formatted(n % 3 + 1), "TA-NJ-%04d".formatted(n % 6 + 1));
    }
}
