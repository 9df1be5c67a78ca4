import type { ThemeConfig } from 'antd';

/** RuoYi-like admin look: blue primary, dark slate side menu, compact radius. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1890ff',
    colorInfo: '#1890ff',
    colorSuccess: '#13ce66',
    colorWarning: '#ffba00',
    colorError: '#ff4949',
    borderRadius: 4,
    fontFamily:
      '"Helvetica Neue", Helvetica, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", Arial, sans-serif',
  },
  components: {
    Layout: { siderBg: '#304156', headerBg: '#ffffff', headerHeight: 50, headerPadding: '0 16px', bodyBg: '#f0f2f5' },
    Menu: {
      darkItemBg: '#304156',
      darkSubMenuItemBg: '#1f2d3d',
      darkItemColor: '#bfcbd9',
      darkItemHoverBg: '#263445',
      darkItemSelectedBg: '#1890ff',
      darkItemSelectedColor: '#ffffff',
      itemHeight: 50,
    },
    Table: { headerBg: '#f8f8f9', headerColor: '#515a6e' },
  },
};
