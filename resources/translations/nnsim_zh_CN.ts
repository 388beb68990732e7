<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Show nnsim in {language}</source>
        <translation>以{language}显示 nnsim</translation>
    </message>
    <message>
        <source>No installed font covers Chinese, so Chinese text shows as boxes: install one (Debian/Ubuntu: sudo apt-get install fonts-noto-cjk) and start nnsim again.</source>
        <translation>没有安装覆盖中文的字体，中文会显示为方框：请安装一个（Debian/Ubuntu：sudo apt-get install fonts-noto-cjk），然后重新启动 nnsim。</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Gradient norms</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Step along the gradient</source>
        <translation>沿梯度的一步</translation>
    </message>
    <message>
        <source>Decision boundary</source>
        <translation>决策边界</translation>
    </message>
    <message>
        <source>Network diagram</source>
        <translation>网络结构图</translation>
    </message>
    <message>
        <source>PNG scale must be one of {scales}, not {scale}</source>
        <translation>PNG 倍率必须是 {scales} 之一，而不是 {scale}</translation>
    </message>
    <message>
        <source>Could not encode the PNG: {error}</source>
        <translation>无法编码 PNG：{error}</translation>
    </message>
    <message>
        <source>{figure}, exported from nnsim</source>
        <translation>{figure}，由 nnsim 导出</translation>
    </message>
    <message>
        <source>Could not draw the SVG</source>
        <translation>无法绘制 SVG</translation>
    </message>
    <message>
        <source>No figure called {figure!r}</source>
        <translation>没有名为 {figure!r} 的图</translation>
    </message>
    <message>
        <source>The {figure} is not in this window</source>
        <translation>此窗口中没有“{figure}”</translation>
    </message>
    <message>
        <source>Showing the {figure}: export it again once it is drawn</source>
        <translation>正在显示“{figure}”：绘制完成后请再导出一次</translation>
    </message>
    <message>
        <source>The {figure} has nothing drawn yet: try again in a moment</source>
        <translation>“{figure}”还没有绘制内容：请稍后再试</translation>
    </message>
    <message>
        <source>The {figure} has no room on screen to draw</source>
        <translation>“{figure}”在屏幕上没有绘制的空间</translation>
    </message>
    <message>
        <source>Unknown figure format {format!r} (png or svg)</source>
        <translation>未知的图像格式 {format!r}（应为 png 或 svg）</translation>
    </message>
    <message>
        <source>Could not write {path}: the folder {folder} does not exist</source>
        <translation>无法写入 {path}：文件夹 {folder} 不存在</translation>
    </message>
    <message>
        <source>Could not write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
        <source>Exported the figure to {path}</source>
        <translation>已将图导出到 {path}</translation>
    </message>
    <message>
        <source>PNG image at {scale}× (screen size)</source>
        <translation>PNG 图像，{scale}×（屏幕大小）</translation>
    </message>
    <message>
        <source>PNG image at {scale}× (sharper, bigger)</source>
        <translation>PNG 图像，{scale}×（更清晰、更大）</translation>
    </message>
    <message>
        <source>SVG drawing (scales without blurring; opens in a browser, Inkscape)</source>
        <translation>SVG 矢量图（缩放不模糊；可用浏览器或 Inkscape 打开）</translation>
    </message>
    <message>
        <source>Export figure</source>
        <translation>导出图</translation>
    </message>
    <message>
        <source>A plot, the decision boundary or the network diagram as it is on screen, drawn again for the file: PNG at 2× or 4× has 2 or 4 times the pixels each way, sharp on slides and in print; SVG stays sharp at any size.</source>
        <translation>将屏幕上的曲线图、决策边界或网络结构图重新绘制到文件中：2× 或 4× 的 PNG 在每个方向上有 2 倍或 4 倍的像素，用于幻灯片和打印都很清晰；SVG 在任何尺寸下都保持清晰。</translation>
    </message>
    <message>
        <source>The figure to export, as it is on screen now</source>
        <translation>要导出的图，与屏幕上当前的样子相同</translation>
    </message>
    <message>
        <source>PNG: pixels, for slides and documents · SVG: curves and text stay vector</source>
        <translation>PNG：像素图，适合幻灯片和文档 · SVG：曲线和文字保持为矢量</translation>
    </message>
    <message>
        <source>&amp;Figure:</source>
        <translation>图(&amp;F)：</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>格式(&amp;O)：</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Save the figure</source>
        <translation>保存图</translation>
    </message>
    <message>
        <source>Export Python script</source>
        <translation>导出 Python 脚本</translation>
    </message>
    <message>
        <source>A readable script that trains this experiment as nnsim does: the same initial weights, data and batch order. It saves weights_final.npz (as nnsim run does) in the folder it is run from; its data are written beside it (.data.npz).</source>
        <translation>一个易读的脚本，按 nnsim 的方式训练这个实验：相同的初始权重、数据和小批量顺序。它在运行所在的文件夹中保存 weights_final.npz（与 nnsim 命令行训练相同）；它的数据写在脚本旁边（.data.npz）。</translation>
    </message>
    <message>
        <source>&amp;NumPy only — the article&apos;s code, corrected</source>
        <translation>只用 &amp;NumPy —— 文章中的代码，已修正</translation>
    </message>
    <message>
        <source>forward_propagation, compute_loss, backward_propagation and the optimizer&apos;s update written out; reproduces nnsim&apos;s weights to 1e-12</source>
        <translation>完整写出 forward_propagation、compute_loss、backward_propagation 和优化器的更新；复现 nnsim 的权重，误差不超过 1e-12</translation>
    </message>
    <message>
        <source>&amp;PyTorch — torch.nn.Sequential, torch.optim</source>
        <translation>&amp;PyTorch —— torch.nn.Sequential、torch.optim</translation>
    </message>
    <message>
        <source>torch.optim and the lr_scheduler classes in float64; reproduces nnsim&apos;s weights to 1e-9</source>
        <translation>以 float64 使用 torch.optim 和 lr_scheduler 类；复现 nnsim 的权重，误差不超过 1e-9</translation>
    </message>
    <message>
        <source>Mini-batch steps the script trains (nnsim run&apos;s default: {steps})</source>
        <translation>脚本训练的小批量步数（nnsim 命令行训练的默认值：{steps}）</translation>
    </message>
    <message>
        <source>Library:</source>
        <translation>库：</translation>
    </message>
    <message>
        <source>&amp;Steps:</source>
        <translation>步数(&amp;S)：</translation>
    </message>
    <message>
        <source>= {epochs:.3g} passes over the training set</source>
        <translation>= 遍历训练集 {epochs:.3g} 次</translation>
    </message>
    <message>
        <source>Save the Python script</source>
        <translation>保存 Python 脚本</translation>
    </message>
    <message>
        <source>Python script (*.py)</source>
        <translation>Python 脚本 (*.py)</translation>
    </message>
    <message>
        <source>Exported {script} and {data} ({steps} steps) to {folder}; run it with: python {script}</source>
        <translation>已将 {script} 和 {data}（{steps} 步）导出到 {folder}；运行方法：python {script}</translation>
    </message>
    <message>
        <source>Could not export {path}: {error}</source>
        <translation>无法导出 {path}：{error}</translation>
    </message>
    <message>
        <source>Could not export a script: {error}</source>
        <translation>无法导出脚本：{error}</translation>
    </message>
    <message>
        <source>log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>step {step}: {change}</source>
        <translation>第 {step} 步：{change}</translation>
    </message>
    <message>
        <source>could not write {path}</source>
        <translation>无法写入 {path}</translation>
    </message>
    <message>
        <source>Export as {format} failed: {error}</source>
        <translation>导出为{format}失败：{error}</translation>
    </message>
    <message>
        <source>clear earlier runs</source>
        <translation>清除残影</translation>
    </message>
    <message>
        <source>Remove the faded curves of earlier runs (the last {count} runs a change restarted from new weights).</source>
        <translation>移除残影，即先前运行的淡色曲线（最近 {count} 次因修改而从新权重重新开始的运行）。</translation>
    </message>
    <message>
        <source>earlier: {change}</source>
        <translation>残影：{change}</translation>
    </message>
    <message>
        <source>10⁻³ rule of thumb</source>
        <translation>经验值 10⁻³</translation>
    </message>
    <message>
        <source>gradient norm</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <source>|∂J/∂w| now</source>
        <translation>当前 |∂J/∂w|</translation>
    </message>
    <message>
        <source>Each line is one layer&apos;s ‖∂J/∂W‖, the size of its weight gradient, at each step.
Lines falling apart by orders of magnitude from the last layer to the first =
vanishing gradients: the first layers barely learn. Lines shooting up = exploding.</source>
        <translation>每条线是某一层在每一步的 ‖∂J/∂W‖，即其权重梯度的大小。
从最后一层到第一层，线条按数量级逐层拉开 =
梯度消失：前面的层几乎学不到东西。线条急剧上升 = 梯度爆炸。</translation>
    </message>
    <message>
        <source>weight norm</source>
        <translation>权重范数</translation>
    </message>
    <message>
        <source>|w| now</source>
        <translation>当前 |w|</translation>
    </message>
    <message>
        <source>Each line is one layer&apos;s ‖W‖, the size of its weights, at each step.
Steady growth means the weights keep getting bigger (regularisation holds them back).</source>
        <translation>每条线是某一层在每一步的 ‖W‖，即其权重的大小。
持续增长表示权重越来越大（正则化可以抑制它）。</translation>
    </message>
    <message>
        <source>update / weight ratio</source>
        <translation>更新量 / 权重比</translation>
    </message>
    <message>
        <source>Each line is how much one step changes a layer&apos;s weights, relative to their size.
Rule of thumb (dashed red line): about 10⁻³. Far below: that layer hardly learns
(learning rate too low); far above: updates are too violent (learning rate too high).</source>
        <translation>每条线表示一步使某一层的权重改变了多少（相对于权重本身的大小）。
经验值（红色虚线）：约 10⁻³。远低于它：该层几乎学不到东西
（学习率太低）；远高于它：更新过于剧烈（学习率太高）。</translation>
    </message>
    <message>
        <source>Right: one box per layer summarising the magnitude of every single weight&apos;s
gradient |∂J/∂w| at the latest step (log scale; weights |w| for &apos;weight norm&apos;).
Box: the middle half of the values (25th–75th percentile); dark tick: the median;
whisker: 5th–95th percentile; dot: the largest.
Boxes sliding down decade by decade from the output layer (right) to the first
layer (left) = vanishing gradients, in every weight, not just on average.
&apos;n% zero&apos; (or &apos;n%&apos;) at the bottom: that share of the layer&apos;s gradients is exactly 0
(e.g. dead ReLUs, which no longer learn); a layer with no box has only zeros.</source>
        <translation>右图：每层一个箱形，概括最新一步中每个权重的梯度 |∂J/∂w| 的大小
（对数坐标；选“权重范数”时为权重 |w|）。
箱体：中间一半的数值（第 25–75 百分位）；深色短线：中位数；
须线：第 5–95 百分位；圆点：最大值。
箱形从输出层（右）到第一层（左）逐个数量级下降 = 梯度消失，
而且发生在每个权重上，不只是平均值。
底部的“n% 为零”（或“n%”）：该层梯度中恰好为 0 的比例
（例如不再学习的“死亡” ReLU）；没有箱形的层只有零。</translation>
    </message>
    <message>
        <source>The latest value in the first and in the last layer.</source>
        <translation>第一层和最后一层的最新值。</translation>
    </message>
    <message>
        <source>What the lines show per layer: the gradient&apos;s size, the weights&apos; size,
or how much one step changes the weights relative to their size.</source>
        <translation>每层的线条显示什么：梯度的大小、权重的大小，
或一步相对于权重大小改变了多少。</translation>
    </message>
    <message>
        <source>Log y axis: layers whose gradients differ by factors of 1000 all stay visible.</source>
        <translation>对数 y 轴：梯度相差上千倍的各层都能看清。</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>{share} zero</source>
        <translation>{share} 为零</translation>
    </message>
    <message>
        <source>Loss vs training step.
grey: the loss of each mini-batch (noisy: every batch is different);
blue: loss on the whole training set; orange: loss on the held-out test set.
Test loss rising while train loss falls = over-fitting.
Pale lines (right axis): accuracy, the share of points classified right.
Vertical dashed lines mark hyper-parameter changes made during the run;
amber ones what the coach found (its panel says more).</source>
        <translation>损失随训练步数的变化。
灰色：每个小批量的损失（有噪声：每个小批量都不同）；
蓝色：整个训练集上的损失；橙色：留出的测试集上的损失。
测试损失上升而训练损失下降 = 过拟合。
淡色线（右轴）：准确率，即分类正确的数据点所占比例。
竖直虚线标出运行中修改超参数的位置；
琥珀色的是教练发现的问题（详见教练面板）。</translation>
    </message>
    <message>
        <source>Values at the step under the mouse (the latest step otherwise).</source>
        <translation>鼠标所在步的数值（否则为最新一步）。</translation>
    </message>
    <message>
        <source>Log y axis: equal heights are equal ratios, so the slow late progress
(0.1 → 0.01) is as visible as the fast early one (1 → 0.1).</source>
        <translation>对数 y 轴：相同的高度代表相同的倍数，因此后期缓慢的进展
（0.1 → 0.01）与前期快速的进展（1 → 0.1）一样清楚。</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>batch loss</source>
        <translation>小批量损失</translation>
    </message>
    <message>
        <source>train loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>test loss</source>
        <translation>测试损失</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>train acc.</source>
        <translation>训练准确率</translation>
    </message>
    <message>
        <source>test acc.</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>step 0 — press Play or Step to train</source>
        <translation>第 0 步 —— 按“播放”或“单步”开始训练</translation>
    </message>
    <message>
        <source>step {step}</source>
        <translation>第 {step} 步</translation>
    </message>
    <message>
        <source>batch {loss}</source>
        <translation>小批量 {loss}</translation>
    </message>
    <message>
        <source>train {loss}</source>
        <translation>训练 {loss}</translation>
    </message>
    <message>
        <source>test {loss}</source>
        <translation>测试 {loss}</translation>
    </message>
    <message>
        <source>acc {train} / {test}</source>
        <translation>准确率 {train} / {test}</translation>
    </message>
    <message>
        <source> (step {step})</source>
        <translation>（第 {step} 步）</translation>
    </message>
    <message>
        <source>The learning rate η each step used (solid), and the schedule planned for the run
(dashed). η scales every update: W ← W − η·∂J/∂W. Too high and the loss jumps
or explodes; too low and it crawls. Schedules lower η as training settles.</source>
        <translation>每一步实际使用的学习率 η（实线），以及为本次运行计划的学习率调度
（虚线）。η 决定每次更新的幅度：W ← W − η·∂J/∂W。太高，损失会跳动
甚至爆炸；太低，损失下降缓慢。学习率调度会在训练趋于稳定时降低 η。</translation>
    </message>
    <message>
        <source>Log y axis: a schedule dividing η by 10 twice shows as two equal steps.</source>
        <translation>对数 y 轴：把 η 两次除以 10 的调度显示为两级相等的台阶。</translation>
    </message>
    <message>
        <source>learning rate η</source>
        <translation>学习率 η</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>used</source>
        <translation>实际使用</translation>
    </message>
    <message>
        <source>η = {lr} for step {step}</source>
        <translation>第 {step} 步的 η = {lr}</translation>
    </message>
    <message>
        <source>ViewBox options</source>
        <translation>视图选项</translation>
    </message>
    <message>
        <source>View All</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>axis</source>
        <translation>轴</translation>
    </message>
    <message>
        <source>X axis</source>
        <translation>X 轴</translation>
    </message>
    <message>
        <source>Y axis</source>
        <translation>Y 轴</translation>
    </message>
    <message>
        <source>Mouse Mode</source>
        <translation>鼠标模式</translation>
    </message>
    <message>
        <source>3 button</source>
        <translation>三键模式</translation>
    </message>
    <message>
        <source>1 button</source>
        <translation>单键模式</translation>
    </message>
    <message>
        <source>Link Axis:</source>
        <translation>关联坐标轴：</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Links this axis with another view. When linked, both views will display the same data range.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;将此坐标轴与另一个视图关联。关联后，两个视图显示相同的数据范围。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Percent of data to be visible when auto-scaling. It may be useful to decrease this value for data with spiky noise.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;自动缩放时可见数据的百分比。对于有尖峰噪声的数据，调低此值可能有用。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Automatically resize this axis whenever the displayed data is changed.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;每当显示的数据改变时，自动调整此坐标轴的范围。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Set the range for this axis manually. This disables automatic scaling. &lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;手动设置此坐标轴的范围。这会关闭自动缩放。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Minimum value to display for this axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;此坐标轴显示的最小值。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Maximum value to display for this axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;此坐标轴显示的最大值。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Inverts the display of this axis. (+y points downward instead of upward)&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;反转此坐标轴的方向。（+y 朝下而不是朝上）&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Invert Axis</source>
        <translation>反转坐标轴</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Enables mouse interaction (panning, scaling) for this axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;允许用鼠标操作此坐标轴（平移、缩放）。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Mouse Enabled</source>
        <translation>启用鼠标</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;When checked, the axis will only auto-scale to data that is visible along the orthogonal axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;选中时，此坐标轴只按另一坐标轴上可见的数据自动缩放。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Visible Data Only</source>
        <translation>仅可见数据</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;When checked, the axis will automatically pan to center on the current data, but the scale along this axis will not change.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;选中时，此坐标轴会自动平移使当前数据居中，但缩放比例不变。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Auto Pan Only</source>
        <translation>仅自动平移</translation>
    </message>
    <message>
        <source>Plot Options</source>
        <translation>绘图选项</translation>
    </message>
    <message>
        <source>Transforms</source>
        <translation>变换</translation>
    </message>
    <message>
        <source>Downsample</source>
        <translation>降采样</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>透明度</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>数据点</translation>
    </message>
    <message>
        <source>Display averages of the curves displayed in this plot. The parameter list allows you to choose parameters to average over (if any are available).</source>
        <translation>显示此图中各曲线的平均值。可在参数列表中选择按哪些参数求平均（如果有的话）。</translation>
    </message>
    <message>
        <source>Plot only the portion of each curve that is visible. This assumes X values are uniformly spaced.</source>
        <translation>只绘制每条曲线的可见部分。这假定 X 值等间距。</translation>
    </message>
    <message>
        <source>Clip to View</source>
        <translation>裁剪到视图</translation>
    </message>
    <message>
        <source>If multiple curves are displayed in this plot, check this box to limit the number of traces that are displayed.</source>
        <translation>如果此图显示多条曲线，勾选此项可限制显示的曲线数量。</translation>
    </message>
    <message>
        <source>Max Traces:</source>
        <translation>最多曲线数：</translation>
    </message>
    <message>
        <source>Downsample by drawing a saw wave that follows the min and max of the original data. This method produces the best visual representation of the data but is slower.</source>
        <translation>通过绘制沿原始数据最小值和最大值起伏的锯齿波来降采样。这种方法的显示效果最好，但较慢。</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>峰值</translation>
    </message>
    <message>
        <source>If multiple curves are displayed in this plot, check &quot;Max Traces&quot; and set this value to limit the number of traces that are displayed.</source>
        <translation>如果此图显示多条曲线，勾选“最多曲线数”并设置此值，可限制显示的曲线数量。</translation>
    </message>
    <message>
        <source>If MaxTraces is checked, remove curves from memory after they are hidden (saves memory, but traces can not be un-hidden).</source>
        <translation>如果勾选了“最多曲线数”，曲线被隐藏后即从内存中移除（节省内存，但无法再显示）。</translation>
    </message>
    <message>
        <source>Forget hidden traces</source>
        <translation>丢弃隐藏的曲线</translation>
    </message>
    <message>
        <source>Downsample by taking the mean of N samples.</source>
        <translation>取每 N 个样本的平均值来降采样。</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>Downsample by taking the first of N samples. This method is fastest and least accurate.</source>
        <translation>取每 N 个样本中的第一个来降采样。这种方法最快，但最不精确。</translation>
    </message>
    <message>
        <source>Subsample</source>
        <translation>抽样</translation>
    </message>
    <message>
        <source>Automatically downsample data based on the visible range. This assumes X values are uniformly spaced.</source>
        <translation>根据可见范围自动降采样。这假定 X 值等间距。</translation>
    </message>
    <message>
        <source>Downsample data before plotting. (plot every Nth sample)</source>
        <translation>绘图前先降采样。（每隔 N 个样本绘制一个）</translation>
    </message>
    <message>
        <source>Log X</source>
        <translation>对数 X</translation>
    </message>
    <message>
        <source>Y vs. Y&apos;</source>
        <translation>Y 对 Y′</translation>
    </message>
    <message>
        <source>Power Spectrum (FFT)</source>
        <translation>功率谱（快速傅里叶变换）</translation>
    </message>
    <message>
        <source>Log Y</source>
        <translation>对数 Y</translation>
    </message>
    <message>
        <source>Subtract Mean</source>
        <translation>减去均值</translation>
    </message>
    <message>
        <source>Show X Grid</source>
        <translation>显示 X 网格</translation>
    </message>
    <message>
        <source>Show Y Grid</source>
        <translation>显示 Y 网格</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>Export...</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Item to export:</source>
        <translation>要导出的项：</translation>
    </message>
    <message>
        <source>Export format</source>
        <translation>导出格式</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Export options</source>
        <translation>导出选项</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Entire Scene</source>
        <translation>整个画面</translation>
    </message>
    <message>
        <source>Plot</source>
        <translation>曲线图</translation>
    </message>
    <message>
        <source>ViewBox</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Image File (PNG, TIF, JPG, ...)</source>
        <translation>图像文件（PNG、TIF、JPG 等）</translation>
    </message>
    <message>
        <source>Scalable Vector Graphics (SVG)</source>
        <translation>可缩放矢量图（SVG）</translation>
    </message>
    <message>
        <source>CSV of original plot data</source>
        <translation>原始绘图数据的 CSV</translation>
    </message>
    <message>
        <source>Matplotlib Window</source>
        <translation>Matplotlib 窗口</translation>
    </message>
    <message>
        <source>HDF5 Export: plot (x,y)</source>
        <translation>HDF5 导出：曲线 (x,y)</translation>
    </message>
    <message>
        <source>background</source>
        <translation>背景</translation>
    </message>
    <message>
        <source>width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>height</source>
        <translation>高度</translation>
    </message>
    <message>
        <source>antialias</source>
        <translation>抗锯齿</translation>
    </message>
    <message>
        <source>invertValue</source>
        <translation>反转数值</translation>
    </message>
    <message>
        <source>scaling stroke</source>
        <translation>线宽随缩放</translation>
    </message>
    <message>
        <source>If False, strokes are non-scaling, which means that they appear the same width on screen regardless of how they are scaled or how the view is zoomed.</source>
        <translation>不勾选时，线宽不随缩放变化：无论图如何缩放、视图如何放大，线条在屏幕上的宽度都相同。</translation>
    </message>
    <message>
        <source>separator</source>
        <translation>分隔符</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>columnMode</source>
        <translation>列格式</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>(x,y) per plot</source>
        <translation>每条曲线一组 (x,y)</translation>
    </message>
    <message>
        <source>(x,y,y,y) for all plots</source>
        <translation>所有曲线共用 (x,y,y,y)</translation>
    </message>
    <message>
        <source>The step along the gradient: the loss at θ − η·g for step sizes η around the chosen
learning rate, g the gradient of the next step&apos;s mini-batch (with the penalty).
grey: that mini-batch&apos;s loss; blue: the whole training set&apos;s loss;
green dashed: the quadratic model J − η·‖g‖² + ½η²·gᵀHg from the gradient and the
curvature along the line; red line: the chosen learning rate, dots where it lands;
diamonds: the best step along the line. A rate past the minimum skips over it.
Pink dotted (other optimizers): the training loss along the optimizer&apos;s actual update.
Measured only while this tab is shown (a few times a second while training).</source>
        <translation>沿梯度的一步：在所选学习率附近的各个步长 η 下，θ − η·g 处的损失，
g 为下一步小批量的梯度（含正则化惩罚项）。
灰色：该小批量的损失；蓝色：整个训练集的损失；
绿色虚线：由梯度和沿该直线的曲率得到的二次模型 J − η·‖g‖² + ½η²·gᵀHg；
红线：所选的学习率，圆点是它落下的位置；
菱形：沿该直线的最佳步长。学习率越过最小值，这一步就会跳过它。
粉色点线（其他优化器）：沿优化器实际更新方向的训练损失。
只在显示此标签页时测量（训练时每秒几次）。</translation>
    </message>
    <message>
        <source>Press Step (→) or Play: the loss along the next step&apos;s gradient is drawn here.</source>
        <translation>按“单步”（→）或“播放”：这里会画出沿下一步梯度的损失。</translation>
    </message>
    <message>
        <source>From η = 0 to the chosen η; under the mouse, the values there.</source>
        <translation>从 η = 0 到所选的 η；鼠标所在处显示该处的数值。</translation>
    </message>
    <message>
        <source>log η</source>
        <translation>对数 η</translation>
    </message>
    <message>
        <source>Log x axis: small steps get as much room as large ones, so a minimum far below
the chosen learning rate (a rate much too high) is as easy to see (η = 0 is left out).</source>
        <translation>对数 x 轴：小步长与大步长占同样多的空间，因此远低于所选学习率的
最小值（学习率过高时）也同样容易看清（不含 η = 0）。</translation>
    </message>
    <message>
        <source>step size η</source>
        <translation>步长 η</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>小批量</translation>
    </message>
    <message>
        <source>training set</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>quadratic model</source>
        <translation>二次模型</translation>
    </message>
    <message>
        <source>{optimizer}&apos;s update</source>
        <translation>{optimizer} 的更新</translation>
    </message>
    <message>
        <source>step {step} · η = 0 → {lr}: batch {batch_from} → {batch_to} · training set {train_from} → {train_to}</source>
        <translation>第 {step} 步 · η = 0 → {lr}：小批量 {batch_from} → {batch_to} · 训练集 {train_from} → {train_to}</translation>
    </message>
    <message>
        <source>training set {loss}</source>
        <translation>训练集 {loss}</translation>
    </message>
    <message>
        <source>model {loss}</source>
        <translation>模型 {loss}</translation>
    </message>
    <message>
        <source>At this step&apos;s Update phase (End runs to it) the loss along its gradient is drawn here: where the learning rate lands, and the best step along the line.</source>
        <translation>在这一步的“更新”阶段（“结束”会直接运行到那里），这里会画出沿其梯度的损失：学习率落在哪里，以及沿该直线的最佳步长。</translation>
    </message>
    <message>
        <source>No step line for this step: {error}</source>
        <translation>这一步没有步长曲线：{error}</translation>
    </message>
</context>
</TS>
