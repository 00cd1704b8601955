/**
 * Beijing badge lists (spec Appendix B.3), dated: v1 replaced the elite list twice during the
 * summer of 2025. The list in force on a date is the latest one starting on or before it.
 */
export const ELITE_BADGE = '【\u{1F396}精英管家】';
export const RISING_STAR_BADGE = '【\u{1F195}新锐管家】';

export const eliteHousekeepers = [
  { from: '2025-04-01', names: ['胡林波', '余金凤', '文刘飞', '李卓', '吕世军'] },
  { from: '2025-07-08', names: ['文刘飞', '孔祥达1', '陈东'] },
  { from: '2025-08-12', names: ['余金凤'] },
];

export const risingStarHousekeepers = [
  {
    from: '2025-05-30',
    names: [
      '陈信丞', '姜东博', '蒋永辉', '张立明', '赵禾泽', '马俊杰', '孔凡沛', '梁庆龙', '夏朋飞', '张争光', '吴光辉',
      '李震', '于邦亮', '乔文祥', '李英杰', '郑鑫', '李忠', '余豪帅', '李国旗', '张朋坡', '林旭东', '谷京虎',
      '熊华祥', '李洁', '刘国顺', '贺亮', '王帅', '李炜坤', '芦鹏飞', '王昊宇', '王勇', '李淑燕', '张凯旋',
      '石迎丰', '苏彦奇', '蔡宏程', '余丽红', '孙坤展', '崔梦岩', '高芊', '时森林', '赵芳德', '王菲', '龚晨凯',
      '王朝辉', '张广辉', '张立', '吴文全', '黄佳鑫', '秦博文', '翁庭峰', '刘文强', '平树伟', '王巍', '户郭红',
      '刘铭', '曹铁伟', '曹洪伟', '李高伟', '姜东升', '韩军华', '马保歌', '曹振锋', '李会强', '黄永辉', '薛敏娃',
    ],
  },
];
