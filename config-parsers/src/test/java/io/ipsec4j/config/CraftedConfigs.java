package io.ipsec4j.config;

/** Crafted inputs shared by several test classes. */
public final class CraftedConfigs {
    /** Two sites, the second connected to two hubs, BGP on both sides, keys in mixed case. */
    public static final String AZURE_VWAN_BGP_TWO_SITES_TWO_HUBS = """
            [
              {"configurationVersion": {"LastUpdatedTime": "2019-06-01T10:00:00.1234567Z", "Version": "11111111-2222-3333-4444-555555555555"},
               "vpnSiteConfiguration": {"Name": "branch1", "IPAddress": "51.144.177.30", "LinkName": "link-a",
                 "BgpSetting": {"Asn": 65101, "BgpPeeringAddress": "172.21.1.154", "PeerWeight": 32768}},
               "vpnSiteConnections": [{
                 "hubConfiguration": {"AddressSpace": "172.21.101.0/24", "Region": "West Europe", "ConnectedSubnets": ["10.1.0.0/16"]},
                 "gatewayConfiguration": {"IpAddresses": {"Instance0": "52.142.232.43", "Instance1": "52.142.232.0"},
                   "BgpSetting": {"Asn": 65515, "BgpPeeringAddresses": {"Instance0": "172.21.101.4", "Instance1": "172.21.101.5"}, "PeerWeight": 0}},
                 "connectionConfiguration": {"IsBgpEnabled": true, "PSK": "Microsoft123!",
                   "IPsecParameters": {"SADataSizeInKilobytes": 102400000, "SALifeTimeInSeconds": 3600}}}]},
              {"CONFIGURATIONVERSION": {"version": "66666666-7777-8888-9999-000000000000"},
               "vpnsiteconfiguration": {"name": "branch2", "ipaddress": "40.113.73.92", "bgpsetting": {"asn": 65102, "bgppeeringaddress": "172.22.1.1"}},
               "VpnSiteConnections": [
                 {"hubConfiguration": {"AddressSpace": "172.21.101.0/24", "Region": "West Europe"},
                  "gatewayConfiguration": {"IpAddresses": {"Instance0": "52.142.232.43", "Instance1": "52.142.232.0"},
                    "BgpSetting": {"Asn": 65515, "BgpPeeringAddresses": {"Instance0": "172.21.101.5", "Instance1": "172.21.101.4"}}},
                  "connectionConfiguration": {"IsBgpEnabled": true, "PSK": "abcdefgh12345678ABCDEFGH12345678"}},
                 {"hubConfiguration": {"AddressSpace": "172.22.101.0/24", "Region": "North Europe"},
                  "gatewayConfiguration": {"IpAddresses": {"Instance0": "52.142.116.152", "Instance1": "52.142.95.128"},
                    "BgpSetting": {"Asn": 65515, "BgpPeeringAddresses": {"Instance0": "172.22.101.4", "Instance1": "172.22.101.5"}}},
                  "connectionConfiguration": {"IsBgpEnabled": true, "PSK": "abcdefgh12345678ABCDEFGH12345678"}}]}
            ]
            """;

    /**
     * Two BGP sites on one Virtual WAN hub, laid out as CONFIG-FORMATS.md §2.1.1: each site has one
     * BGP address, the hub's instances .4 and .5 (listed the other way round for the second site).
     */
    public static final String AZURE_VWAN_BGP_TWO_SITES = """
            [
              {"configurationVersion": {"LastUpdatedTime": "2018-11-18T13:08:17.5154511Z", "Version": "2cb4660d-a96e-4c3a-83a6-648f26dd1411"},
               "vpnSiteConfiguration": {"Name": "branch1", "IPAddress": "51.144.177.30",
                 "BgpSetting": {"Asn": 65101, "BgpPeeringAddress": "172.21.1.154", "PeerWeight": 32768}},
               "vpnSiteConnections": [{
                 "hubConfiguration": {"AddressSpace": "172.21.101.0/24", "Region": "West Europe", "ConnectedSubnets": ["10.1.0.0/16"]},
                 "gatewayConfiguration": {"IpAddresses": {"Instance0": "52.142.232.43", "Instance1": "52.142.232.0"},
                   "BgpSetting": {"Asn": 65515, "BgpPeeringAddresses": {"Instance0": "172.21.101.4", "Instance1": "172.21.101.5"}, "PeerWeight": 0}},
                 "connectionConfiguration": {"IsBgpEnabled": true, "PSK": "Xk4fQ9pLm2Vr7Tz8Wn3Ys6Hd1Jb5Gc0A",
                   "IPsecParameters": {"SADataSizeInKilobytes": 102400000, "SALifeTimeInSeconds": 3600}}}]},
              {"configurationVersion": {"LastUpdatedTime": "2018-11-18T13:08:17.5154511Z", "Version": "2cb4660d-a96e-4c3a-83a6-648f26dd1411"},
               "vpnSiteConfiguration": {"Name": "branch2", "IPAddress": "40.113.73.92",
                 "BgpSetting": {"Asn": 65102, "BgpPeeringAddress": "172.21.2.154", "PeerWeight": 32768}},
               "vpnSiteConnections": [{
                 "hubConfiguration": {"AddressSpace": "172.21.101.0/24", "Region": "West Europe", "ConnectedSubnets": ["10.1.0.0/16"]},
                 "gatewayConfiguration": {"IpAddresses": {"Instance0": "52.142.232.43", "Instance1": "52.142.232.0"},
                   "BgpSetting": {"Asn": 65515, "BgpPeeringAddresses": {"Instance0": "172.21.101.5", "Instance1": "172.21.101.4"}, "PeerWeight": 0}},
                 "connectionConfiguration": {"IsBgpEnabled": true, "PSK": "Pq8Zr3Lm9Vx4Tn7Wk2Ys5Hd0Jf6Bg1Ca",
                   "IPsecParameters": {"SADataSizeInKilobytes": 102400000, "SALifeTimeInSeconds": 3600}}}]}
            ]
            """;

    /**
     * One site on a hub with custom (APIPA) BGP addresses: the site peers from 169.254.21.2 with
     * instance 0 at 169.254.21.1 and instance 1 at 169.254.22.1. Crafted: no published download
     * shows custom BGP addresses (CONFIG-FORMATS.md §2.1.2), so they sit where the hub's default
     * BGP addresses are.
     */
    public static final String AZURE_VWAN_BGP_APIPA = """
            [
              {"configurationVersion": {"LastUpdatedTime": "2023-05-02T08:00:00.0000000Z", "Version": "0d3c2b1a-9f8e-4d7c-b6a5-443322110000"},
               "vpnSiteConfiguration": {"Name": "dc1", "IPAddress": "20.61.14.8",
                 "BgpSetting": {"Asn": 65010, "BgpPeeringAddress": "169.254.21.2", "PeerWeight": 0}},
               "vpnSiteConnections": [{
                 "hubConfiguration": {"AddressSpace": "10.50.0.0/23", "Region": "Germany West Central"},
                 "gatewayConfiguration": {"IpAddresses": {"Instance0": "20.79.120.11", "Instance1": "20.79.120.12"},
                   "BgpSetting": {"Asn": 65515, "BgpPeeringAddresses": {"Instance0": "169.254.21.1", "Instance1": "169.254.22.1"}}},
                 "connectionConfiguration": {"IsBgpEnabled": true, "PSK": "Mv7Kq2Xr9Lp4Tz8Wn3Ys6Hd1Jf5Bg0Ce"}}]}
            ]
            """;

    private CraftedConfigs() {}
}
