package io.coldtrace.simulator.world;

import java.util.ArrayList;
import java.util.List;

/**
 * Real places where such sites sit: growing areas for origin stores, wholesale hubs for consolidation centres and
 * city districts for forward warehouses. Sites are taken round-robin over the three kinds so every world has a chain.
 */
final class SiteCatalog {
    /** A real place, with the GB/T 2260 code of its city (a municipality's own code). */
    private record Place(String name, String nameEn, double lat, double lon, String division) {
    }

    private static final List<Place> ORIGINS = List.of(
            new Place("寿光蔬菜产地仓", "Shouguang vegetable origin store", 36.881, 118.791, "370700"),
            new Place("昆明斗南产地仓", "Kunming Dounan origin store", 24.903, 102.785, "530100"),
            new Place("南宁香蕉产地仓", "Nanning banana origin store", 22.817, 108.366, "450100"),
            new Place("赣州脐橙产地仓", "Ganzhou navel orange origin store", 25.831, 114.933, "360700"),
            new Place("烟台苹果产地仓", "Yantai apple origin store", 37.464, 121.448, "370600"));
    private static final List<Place> HUBS = List.of(
            new Place("上海西郊集配中心", "Shanghai Xijiao consolidation centre", 31.197, 121.283, "310000"),
            new Place("北京新发地集配中心", "Beijing Xinfadi consolidation centre", 39.807, 116.356, "110000"),
            new Place("广州江南集配中心", "Guangzhou Jiangnan consolidation centre", 23.182, 113.257, "440100"),
            new Place("武汉白沙洲集配中心", "Wuhan Baishazhou consolidation centre", 30.497, 114.300, "420100"),
            new Place("成都双流集配中心", "Chengdu Shuangliu consolidation centre", 30.575, 103.923, "510100"));
    private static final List<Place> FORWARDS = List.of(
            new Place("上海浦东前置仓", "Shanghai Pudong forward warehouse", 31.221, 121.544, "310000"),
            new Place("北京朝阳前置仓", "Beijing Chaoyang forward warehouse", 39.921, 116.443, "110000"),
            new Place("深圳南山前置仓", "Shenzhen Nanshan forward warehouse", 22.533, 113.930, "440300"),
            new Place("杭州西湖前置仓", "Hangzhou Xihu forward warehouse", 30.259, 120.130, "330100"),
            new Place("南京鼓楼前置仓", "Nanjing Gulou forward warehouse", 32.066, 118.770, "320100"));

    private SiteCatalog() {
    }

    static List<Site> sites(int count) {
        if (count < 1 || count > ORIGINS.size() + HUBS.size() + FORWARDS.size()) {
            throw new IllegalArgumentException("sites must be within 1..15, was " + count);
        }
        List<Site> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            SiteKind kind = SiteKind.values()[i % 3];
            int n = i / 3;
            Place p = switch (kind) {
                case ORIGIN -> ORIGINS.get(n);
                case CONSOLIDATION -> HUBS.get(n);
                case FORWARD -> FORWARDS.get(n);
            };
            out.add(new Site(kind.prefix() + (n + 1), p.name(), p.nameEn(), kind, p.lat(), p.lon(), p.division()));
        }
        return out;
    }
}
