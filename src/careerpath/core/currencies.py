"""The currency codes careerpath accepts: ISO 4217's, as a static list. Apart from ``values``
so that the settings (``config``, which ``values`` reads) can check a currency too."""

from __future__ import annotations

_ISO_4217 = """
    AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD
    BTN BWP BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP
    DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR
    IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD
    MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB
    PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD
    SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS
    VED VES VND VUV WST XAF XCD XCG XDR XOF XPF YER ZAR ZMW ZWG ZWL
"""
CURRENCIES = frozenset(_ISO_4217.split())
"""The currency codes of ISO 4217 (funds and precious metals aside), as a static list: a
code outside it is a typo, not a currency careerpath does not know yet."""


def check_currency(code: str) -> str:
    """A pydantic validator: ``code`` is an ISO 4217 currency code."""
    if code not in CURRENCIES:
        raise ValueError(
            f"{code!r} is not a currency code (ISO 4217, like EUR, USD, GBP, INR or JPY)"
        )
    return code
