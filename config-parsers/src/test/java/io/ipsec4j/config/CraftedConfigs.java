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

    private CraftedConfigs() {}
}
