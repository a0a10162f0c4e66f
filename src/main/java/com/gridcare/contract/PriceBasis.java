package com.gridcare.contract;

/** How the contract prices energy. */
public enum PriceBasis {
    CATALOGUE_TARIFF, TIME_OF_USE, MARKET_TRADED, FIXED_PRICE, GREEN_PREMIUM
}
