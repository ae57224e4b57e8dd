// Strings shared by the common components.
export const common = {
  close: { zh: "关闭", en: "Close" },
  cancel: { zh: "取消", en: "Cancel" },
  confirm: { zh: "确定", en: "OK" },
  dismiss: { zh: "关闭提示", en: "Dismiss" },
  retry: { zh: "重试", en: "Try again" },
} as const;
