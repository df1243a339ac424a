// A subtitle pair as a subtitler has it: Chinese and English .srt of one clip, cue for cue but not sentence for
// sentence (a Chinese sentence runs over two cues), with CRLF line ends and an italic tag.

export const ZH_SRT = [
  '1', '00:00:01,000 --> 00:00:03,500', '成都新轻轨线路周一开通。', '',
  '2', '00:00:03,600 --> 00:00:06,200', '机场至市中心', '只需25分钟。', '',
  '3', '00:00:06,300 --> 00:00:09,000', '<i>“以前去机场要一个多小时，”</i>', '',
  '4', '00:00:09,100 --> 00:00:11,000', '教师李明说。', '',
  '5', '00:00:11,500 --> 00:00:14,000', '市民对线路开通表示欢迎。', '',
].join('\r\n');

export const EN_SRT = [
  '1', '00:00:01,000 --> 00:00:03,500', 'Chengdu opened a new light-rail line on Monday.', '',
  '2', '00:00:03,600 --> 00:00:06,200', 'It links the airport with the city centre', 'in 25 minutes.', '',
  '3', '00:00:06,300 --> 00:00:11,000', '"It used to take me over an hour to reach the airport," said Li Ming, a teacher.', '',
  '4', '00:00:11,500 --> 00:00:14,000', 'Residents welcomed the opening.', '',
].join('\r\n');

export const ZH_VTT = `WEBVTT Kind: captions; Language: zh-CN

NOTE 由字幕组校对

intro
00:01.000 --> 00:03.500 line:90% align:center
成都新轻轨线路周一开通。

00:03.600 --> 00:06.200
机场至市中心只需25分钟。
`;
