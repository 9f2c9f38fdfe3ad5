package dev.wechatapi.simulator.internal.accounts;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Realistic profile data for generated contacts: Chinese names in the styles people actually use on WeChat
 * (full names, 小/阿 nicknames, English plus Chinese, some with emoji), regions, signatures and group topics.
 * Names handed out by one pool are unique, so tests can address contacts by nick name.
 */
final class NamePool {

    private static final List<String> SURNAMES = List.of(
            "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高",
            "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹");
    private static final List<String> MALE_GIVEN = List.of(
            "伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "刚", "晓东", "浩然", "思远", "建国", "志强",
            "子轩", "宇航", "俊杰", "文博");
    private static final List<String> FEMALE_GIVEN = List.of(
            "芳", "娜", "秀英", "敏", "静", "丽", "艳", "娟", "霞", "桂英", "子涵", "雨桐", "梓萱", "一诺", "欣怡",
            "佳琪", "晓雯", "婷婷", "思琪", "慧敏");
    private static final List<String> NICKNAMES = List.of(
            "小鱼儿🐟", "阿强", "老王🍺", "追风少年🏃", "奶茶控🧋", "🌸花开富贵", "Lily 莉莉", "Jack 杰克", "晴天☀️",
            "~淡定~", "大白🐻", "momo", "Sunny", "小胖子", "糖糖🍬", "阳光男孩🌞", "A-张伟-装修", "知足常乐", "🐱喵小姐",
            "Kevin", "一只猫", "山水有相逢🏔", "静待花开🌷", "吃货一枚😋", "Coco可可", "风中的承诺", "夜猫子🦉",
            "跑步的蜗牛🐌", "Tony老师✂️", "平安是福");
    private static final List<String[]> REGIONS = List.of(
            new String[] {"广东", "深圳"}, new String[] {"广东", "广州"}, new String[] {"北京", "朝阳"},
            new String[] {"北京", "海淀"}, new String[] {"上海", "浦东新区"}, new String[] {"浙江", "杭州"},
            new String[] {"江苏", "南京"}, new String[] {"四川", "成都"}, new String[] {"湖北", "武汉"},
            new String[] {"福建", "厦门"}, new String[] {"山东", "青岛"}, new String[] {"陕西", "西安"},
            new String[] {"重庆", "渝中"}, new String[] {"湖南", "长沙"}, new String[] {"", ""});
    private static final List<String> SIGNATURES = List.of(
            "", "", "生活不止眼前的苟且", "努力工作，快乐生活😊", "Stay hungry, stay foolish.", "岁月静好", "一切都是最好的安排🌈",
            "不忘初心，方得始终", "专业装修 电话请私聊", "今天也要加油鸭🦆", "心若向阳，无畏悲伤", "佛系青年");
    private static final List<String> REMARKS = List.of(
            "张总", "同事-小李", "表姐", "房东王阿姨", "健身教练", "快递小哥", "大学室友", "物业-陈经理", "二舅", "客户-刘总");
    private static final List<String> HANDLES = List.of(
            "sunny", "xiaoyu", "ahqiang", "lily", "jack", "momo", "tiantian", "dabao", "kevin", "coco");
    private static final List<String> GROUP_TOPICS = List.of(
            "相亲相爱一家人", "大学同学群🎓", "周末羽毛球🏸", "阳光花园业主群", "项目交流群", "吃货联盟🍜", "公司年会筹备组",
            "宝妈互助群", "老乡会", "读书会📚", "跑步打卡🏃‍♂️", "技术分享群");
    private static final List<String> GROUP_CARDS = List.of("产品", "三班家长", "销售部", "群主助理", "运营");
    private static final List<String> OFFICIALS = List.of(
            "腾讯新闻", "人民日报", "丁香医生", "招商银行信用卡", "中国移动10086", "微信支付", "京东JD.COM", "美团外卖",
            "央视新闻", "铁路12306");

    private final Random random;
    private final Set<String> handedOut = new HashSet<>();

    NamePool(Random random) {
        this.random = random;
    }

    /** Reserves a name given explicitly, so generated names never collide with it. */
    void reserve(String name) {
        handedOut.add(name);
    }

    String personName(int sex) {
        int style = random.nextInt(10);
        String name;
        if (style < 5) {
            name = pick(SURNAMES) + pick(sex == 2 ? FEMALE_GIVEN : MALE_GIVEN);
        } else if (style < 7) {
            name = (random.nextBoolean() ? "小" : "阿") + pick(sex == 2 ? FEMALE_GIVEN : MALE_GIVEN).substring(0, 1);
        } else {
            name = pick(NICKNAMES);
        }
        return unique(name);
    }

    int sex() {
        int roll = random.nextInt(10);
        return roll < 5 ? 1 : roll < 9 ? 2 : 0;
    }

    String[] region() {
        return pick(REGIONS);
    }

    String signature() {
        return pick(SIGNATURES);
    }

    /** A remark for about one friend in four, else empty. */
    String remarkOrEmpty() {
        return random.nextInt(4) == 0 ? unique(pick(REMARKS)) : "";
    }

    /** A WeChat id (微信号) for about one friend in three, else empty, as most people hide theirs. */
    String aliasOrEmpty() {
        return random.nextInt(3) == 0 ? pick(HANDLES) + "_" + (1000 + random.nextInt(9000)) : "";
    }

    /** A group card name for about one member in five, else empty. */
    String groupCardOrEmpty(String nickName) {
        return random.nextInt(5) == 0 ? nickName + "-" + pick(GROUP_CARDS) : "";
    }

    String groupTopic() {
        return unique(pick(GROUP_TOPICS));
    }

    String officialName() {
        return unique(pick(OFFICIALS));
    }

    String wxid() {
        var id = new StringBuilder("wxid_");
        for (int i = 0; i < 14; i++) {
            id.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(random.nextInt(36)));
        }
        return id.toString();
    }

    String officialId() {
        return "gh_" + String.format("%012x", random.nextLong() & 0xffffffffffffL);
    }

    String chatroomId() {
        return (10_000_000_000L + (random.nextLong() & Long.MAX_VALUE) % 89_999_999_999L) + "@chatroom";
    }

    long uin() {
        return 100_000_000L + random.nextInt(1_900_000_000);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private String unique(String name) {
        String candidate = name;
        for (int n = 2; !handedOut.add(candidate); n++) {
            candidate = name + n;
        }
        return candidate;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
