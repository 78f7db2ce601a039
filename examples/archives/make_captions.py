"""Generate examples/archives/captions.csv: 240 short-video captions for the US, UK and China.

Reproducible (seeded): `python examples/archives/make_captions.py` rewrites the same file byte for byte.
Roughly a third of the captions carry a known problem (health claims, superlatives, off-platform
contact, missing or weak ad labels); the rest are clean organic or correctly labelled posts.
"""

from __future__ import annotations

import csv
import os
import random

SEED = 20261126
PER_MARKET = 80
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "captions.csv")

PRODUCTS_EN = [
    ("serum", "Glow Serum"), ("moisturiser", "Barrier Cream"), ("sunscreen", "Daily SPF 50"),
    ("protein powder", "WheyMore"), ("collagen gummies", "Bounce Gummies"), ("hair oil", "Silk Drops"),
    ("lip tint", "Berry Tint"), ("air fryer", "CrispPro 5L"), ("running shoes", "Stride 2"),
    ("green tea", "Morning Leaf"), ("fat burner", "ShredX"), ("face mask", "Clay Reset"),
]
PRODUCTS_CN = [
    ("面霜", "焕颜面霜"), ("精华", "小金瓶精华"), ("乌龙茶", "高山乌龙"), ("蛋白粉", "乳清蛋白粉"),
    ("防晒霜", "清透防晒"), ("酵素", "果蔬酵素"), ("空气炸锅", "脆享空气炸锅"), ("口红", "丝绒口红"),
]
BRANDS_EN = ["Lumière", "GlowLab", "FitFuel", "Oak & Ivy", "Kindred Skin", "Peak Nutrition", "HomeChef"]
BRANDS_CN = ["花西子", "元气森林", "小仙炖", "植观", "悦诗风吟"]
NAMES = ["jen", "mia", "dan", "sarah", "liv", "tom", "ella", "sam"]

CLEAN_EN = [
    "Sunday reset: {product} + a long walk + an early night 🌿",
    "My honest thoughts on the {name} after a month — the good and the meh.",
    "Trying the viral {product} hack so you don't have to 😅",
    "Three ways I use {product} in my morning routine.",
    "Answering your questions about {product}: part 2",
    "Small steps count. Drink your water, get outside, be kind to yourself 💛",
    "What I eat in a day as a nurse on night shifts",
    "Packing for a weekend in {city} — carry-on only!",
]
CLEAN_SPONSORED_EN = [
    "#ad Loving the {name} from @{brand_tag} for busy mornings ☀️",
    "Ad | Paid partnership with @{brand_tag}: my first week with {product}.",
    "#ad Trying @{brand_tag}'s new {product}. Thoughts in the comments!",
    "Sponsored by @{brand_tag} — here's how I fit {product} into my routine.",
]
CLEAN_SPONSORED_UK = [
    "Ad | Gifted and paid by @{brand_tag}: my first week with {product}.",
    "#ad Trying @{brand_tag}'s new {product} — full review on my channel.",
    "Advert: @{brand_tag} asked me to try the {name}, here's my honest take.",
]
PROBLEM_EN = [
    "This is the best {product} ever!! Literally cures acne overnight 😱",
    "The {name} cured my eczema in 3 days. No more steroid creams!",
    "Lost 10 lbs in a week with {product}, guaranteed results 🔥",
    "Want the wholesale price? DM me on WhatsApp 📲",
    "Obsessed with this {product} 😍 use code {code} for 20% off! #sp",
    "Link in bio to shop the {name} — tap the orange cart before it sells out!",
    "Clinically proven to reverse ageing. 100% safe, no side effects.",
    "Thanks @{brand_tag} for sending this PR package 💕 #collab #partner",
    "Text me on Telegram for the discount link, it's cheaper than the shop",
    "{product} that boosts your immune system and detoxes your liver 🍋",
    "Number one {product} in the world, doctors hate it!",
    "Use my affiliate link for 15% off the {name} #affiliate",
]
PROBLEM_TRAILING_AD = [
    "Obsessed with the {name} 😍 use code {code} for 20% off! #skincare #glow #beauty #selfcare #routine "
    "#skintok #fyp #viral #ad",
]
HASHTAGS_EN = ["#skincare", "#fyp", "#morningroutine", "#fitness", "#foodie", "#beauty", "#wellness",
               "#tiktokmademebuyit", "#haul", "#review", "#gymtok", "#selfcare"]
CITIES = ["Lisbon", "Edinburgh", "Austin", "Manchester", "Brooklyn", "Bath"]

CLEAN_CN = [
    "周末在家做了一顿简单的早餐，{product}配燕麦，很满足～",
    "分享我的日常护肤步骤，{product}用了一个月的真实感受。",
    "今天去爬山了，空气真好，大家周末愉快！",
    "新手做饭第一次成功，用{name}做了鸡翅。",
    "回答评论区的问题：{product}适合什么肤质？",
]
CLEAN_SPONSORED_CN = [
    "广告｜感谢{brand}的合作，{name}我用了两周，说说真实体验。",
    "【广告】{brand}新品{product}试用分享，优惠在购物车。",
]
PROBLEM_CN = [
    "这是全网最好的{product}，没有之一！",
    "{name}用了三天，痘痘全好了，比去医院还管用！",
    "每天一杯{product}，降血压降血糖，还能抗癌。",
    "想要内部价的加V私聊，微信号在主页～",
    "国家级品质，第一品牌{product}，买到就是赚到！",
    "{product}排毒瘦身，一周瘦十斤，无效退款！",
    "感谢{brand}寄来的{name}，点击链接下单立减50元",
    "加微信领取优惠券，直播间拍不了的找我私聊",
]
HASHTAGS_CN = ["#好物分享", "#护肤", "#日常vlog", "#美食", "#健身打卡", "#种草", "#直播"]


def fill(rng: random.Random, template: str, market: str) -> str:
    if market == "cn":
        product, name = rng.choice(PRODUCTS_CN)
        brand = rng.choice(BRANDS_CN)
        return template.format(product=product, name=name, brand=brand)
    product, name = rng.choice(PRODUCTS_EN)
    brand = rng.choice(BRANDS_EN)
    brand_tag = brand.lower().replace(" & ", "and").replace(" ", "")
    code = rng.choice(NAMES).upper() + str(rng.choice([10, 15, 20, 25]))
    return template.format(product=product, name=name, brand_tag=brand_tag, code=code,
                           city=rng.choice(CITIES))


def caption_for(rng: random.Random, market: str) -> tuple[str, str, str]:
    """(sponsored, caption, hashtags) for one post."""
    roll = rng.random()
    if market == "cn":
        hashtags = " ".join(rng.sample(HASHTAGS_CN, rng.randint(1, 3)))
        if roll < 0.40:
            return "no", fill(rng, rng.choice(CLEAN_CN), market), hashtags
        if roll < 0.60:
            return "yes", fill(rng, rng.choice(CLEAN_SPONSORED_CN), market), hashtags
        return rng.choice(["yes", "no", ""]), fill(rng, rng.choice(PROBLEM_CN), market), hashtags
    hashtags = " ".join(rng.sample(HASHTAGS_EN, rng.randint(1, 4)))
    if roll < 0.40:
        return "no", fill(rng, rng.choice(CLEAN_EN), market), hashtags
    if roll < 0.60:
        pool = CLEAN_SPONSORED_UK if market == "uk" else CLEAN_SPONSORED_EN
        return "yes", fill(rng, rng.choice(pool), market), hashtags
    if roll < 0.66:
        return "yes", fill(rng, rng.choice(PROBLEM_TRAILING_AD), market), ""
    return rng.choice(["yes", "no", ""]), fill(rng, rng.choice(PROBLEM_EN), market), hashtags


def main() -> None:
    rng = random.Random(SEED)
    rows = []
    for market in ("us", "uk", "cn"):
        problems = PROBLEM_CN if market == "cn" else PROBLEM_EN
        for n in range(1, PER_MARKET + 1):
            if n <= len(problems):  # every known problem appears at least once per market
                hashtags = " ".join(rng.sample(HASHTAGS_CN if market == "cn" else HASHTAGS_EN, 2))
                sponsored, caption = rng.choice(["yes", "no", ""]), fill(rng, problems[n - 1], market)
            else:
                sponsored, caption, hashtags = caption_for(rng, market)
            rows.append((f"{market}-{7000 + n:05d}", market, sponsored, caption, hashtags))
    rng.shuffle(rows)
    with open(OUT, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(("video_id", "market", "sponsored", "caption", "hashtags"))
        writer.writerows(rows)


if __name__ == "__main__":
    main()
